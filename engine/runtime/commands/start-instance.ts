/** @module startInstance: starts the latest version of a process for a user (start form validated first). */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import type { InstanceRow } from '../../store';
import { latestDefinitionOf } from '../definitions';
import { createInstanceDetached, createInstanceWithTasks, type OpenedTask } from '../step';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface StartInstanceInput {
  processKey: string;
  businessKey?: string;
  variables?: Vars;
  user: RuntimeUser;
  /**
   * The domain's own pre-start checks (a taken code, a retired entry), run after the start form passed and before
   * anything is written: API.md answers invalid form data (422) before a state conflict (409).
   */
  precheck?: (variables: Vars) => Promise<void>;
}

/** The new instance, with the user tasks its start opened (so a client needs no lookup to act on them). */
export type StartedInstance = InstanceRow & { openedTasks: OpenedTask[] };

export async function startInstance(rt: RuntimeContext, input: StartInstanceInput): Promise<StartedInstance> {
  const def = await latestDefinitionOf(rt, rt.db, input.processKey);
  const given = input.variables ?? {};
  const formKey = def.compiled.info.startFormKey;
  if (formKey && rt.validateForm) {
    const check = await rt.validateForm(formKey, def.formBindings[formKey] ?? null, given, input.user);
    if (!check.ok) {
      throw new AppError('VALIDATION_FAILED', '表单数据未通过校验', {
        messageEn: 'The form data is invalid',
        details: check.details,
      });
    }
  }
  await input.precheck?.(given);
  // Set last so a client cannot pose as someone else's initiator.
  const variables: Vars = { ...given, initiator: input.user.username, initiatorUnitId: input.user.unitId };
  const start = {
    variables,
    businessKey: input.businessKey ?? null,
    actor: input.user.username,
    unitId: input.user.unitId,
  };
  // One statement when the start stays within this instance; a call activity or an instant end needs a transaction.
  const made = await createInstanceDetached(rt, def, start);
  const created =
    made !== 'transaction'
      ? made
      : await inTransaction(rt, (tx) => createInstanceWithTasks(rt, tx, def, start));
  return { ...created.row, openedTasks: created.openedTasks };
}

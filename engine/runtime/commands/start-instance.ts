/** @module startInstance: starts the latest version of a process for a user (start form and the process's checks first). */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import type { InstanceRow } from '../../store';
import { latestDefinitionOf } from '../definitions';
import { retrying } from '../retry';
import { commitStart, type OpenedTask } from '../step';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface StartInstanceInput {
  processKey: string;
  businessKey?: string;
  variables?: Vars;
  user: RuntimeUser;
}

/** The new instance, with the user tasks its start opened (so a client needs no lookup to act on them). */
export type StartedInstance = InstanceRow & { openedTasks: OpenedTask[] };

export async function startInstance(rt: RuntimeContext, input: StartInstanceInput): Promise<StartedInstance> {
  const def = await latestDefinitionOf(rt, rt.db, input.processKey);
  const given = input.variables ?? {};
  const check = { db: rt.db, processKey: def.key, variables: given, user: input.user, now: rt.clock.now() };
  // docs/api.md's order: a reference that cannot exist (404), then the start form (422), then the process's own
  // state checks (409, a taken code, a retired entry), all before anything is written.
  await rt.hooks.checkBeforeStartForm?.(check);
  const formKey = def.compiled.info.startFormKey;
  if (formKey && rt.validateForm) {
    const form = await rt.validateForm(formKey, def.formBindings[formKey] ?? null, given, input.user);
    if (!form.ok) {
      throw new AppError('VALIDATION_FAILED', '表单数据未通过校验', {
        messageEn: 'The form data is invalid',
        details: form.details,
      });
    }
  }
  await rt.hooks.checkBeforeStart?.(check);
  // Set last so a client cannot pose as someone else's initiator.
  const variables: Vars = { ...given, initiator: input.user.username, initiatorUnitId: input.user.unitId };
  // Numbered only once every check passed, so a refused start takes no 业务编号.
  const businessKey =
    input.businessKey ??
    (await rt.hooks.businessKeyFor?.({
      db: rt.db,
      processKey: def.key,
      definitionId: def.id,
      xml: def.xml,
      at: rt.clock.now(),
    }));
  const start = {
    variables,
    businessKey: businessKey ?? null,
    actor: input.user.username,
    unitId: input.user.unitId,
  };
  // One statement when the start stays within this instance; a call activity or an instant end needs a transaction.
  const created = await retrying(() => commitStart(rt, def, start));
  return { ...created.row, openedTasks: created.openedTasks };
}

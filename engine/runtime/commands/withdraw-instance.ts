/**
 * @module 撤回 withdraw and 撤销 revoke, by the starter. Withdraw: while nobody has acted since the starter's last
 * step (the start, or the reopened start step), the open work is cancelled and the start step reopens for the
 * starter with the start form, prefilled (one `token.move` to `$startStep`; history `instance.withdrawn`). Once
 * someone completed, returned, transferred, delegated or added signers: 409. Revoke cancels the instance.
 */
import { AppError } from '../../../platform/errors';
import { type InstanceRow, readHistory } from '../../store';
import { START_STEP } from '../../index';
import type { StepOutcome } from '../step';
import type { RuntimeContext, RuntimeUser } from '../types';
import { cancelInstance } from './cancel-instance';
import { moveTokens, readRunning } from './move-tokens';
import { startStepOf } from './return-task';

/** What counts as someone having acted on the work that followed the starter's step. */
const ACTS = new Set([
  'task.completed',
  'task.returned',
  'task.transferred',
  'task.delegated',
  'task.resolved',
  'task.signers-added',
  'task.signers-removed',
  'instance.modified',
]);

function assertStarter(instance: InstanceRow, user: RuntimeUser) {
  if (instance.startedBy !== user.username)
    throw new AppError('FORBIDDEN', '只有发起人可以撤回或撤销', {
      messageEn: 'Only the starter may withdraw or revoke the instance',
    });
}

export async function withdrawInstance(
  rt: RuntimeContext,
  input: { instanceId: string; comment?: string; user: RuntimeUser },
): Promise<StepOutcome> {
  return moveTokens(rt, input.instanceId, async (instance, def) => {
    assertStarter(instance, input.user);
    const step = startStepOf(def);
    if (!step)
      throw new AppError('CONFLICT', '该流程没有发起表单，不能撤回（可以撤销）', {
        messageEn: 'The process has no start form to withdraw to (revoke it instead)',
      });
    if (instance.activeElementIds.includes(step.elementId))
      throw new AppError('CONFLICT', '已撤回，发起步骤正等待重新提交', {
        messageEn: 'Already withdrawn: the start step is open',
      });
    const history = await readHistory(rt.db, instance.id);
    let since = 0;
    history.forEach((h, i) => {
      if (h.type === 'instance.started' || (h.type === 'task.completed' && h.elementId === step.elementId))
        since = i;
    });
    const acted = history.slice(since + 1).find((h) => ACTS.has(h.type));
    if (acted)
      throw new AppError('CONFLICT', '后续步骤已有人办理，不能撤回', {
        messageEn: `Someone already acted (${acted.type}${acted.actor ? ` by ${acted.actor}` : ''}); it cannot be withdrawn`,
      });
    return {
      event: {
        targets: [START_STEP],
        startElementId: step.elementId,
        history: 'instance.withdrawn',
        assignee: input.user.username,
        actor: input.user.username,
        ...(input.comment ? { comment: input.comment } : {}),
      },
    };
  });
}

export async function revokeInstance(
  rt: RuntimeContext,
  input: { instanceId: string; reason: string; user: RuntimeUser },
): Promise<InstanceRow> {
  assertStarter(await readRunning(rt, input.instanceId), input.user);
  return cancelInstance(rt, input);
}

/**
 * @module 加签/减签 by the holder of a user task, as engine state (engine/elements/task/signers.ts): one step each,
 * written as any step (commitStep: one guarded statement), so a completion racing it leaves exactly one winner.
 * Refused in Chinese, nothing changed: oneself (400), someone who may not see the task's unit (422), someone
 * already signing (409), a multi-instance (会签) task or a signer's own task (409), removing a signer who already
 * signed or is not one (409).
 */
import { AppError } from '../../../platform/errors';
import type { SignerState } from '../../elements/task/signers';
import { type InstanceRow, readTaskWithInstance, type TaskRow } from '../../store';
import { isUuid, notFound } from '../ids';
import { retrying } from '../retry';
import { commitStep, type StepOutcome } from '../step';
import { canCompleteTask, canSeeTask } from '../task-access';
import type { RuntimeContext, RuntimeUser } from '../types';
import { taskClosedError } from './complete-user-task';
import { assertMayHold, type Holder } from './hand-over-task';

const conflict = (message: string, messageEn: string) => new AppError('CONFLICT', message, { messageEn });

async function read(rt: RuntimeContext, taskId: string, user: RuntimeUser) {
  const both = isUuid(taskId) ? await readTaskWithInstance(rt.db, taskId) : undefined;
  if (!both || !canSeeTask(user, both.task, rt.roles)) throw notFound('任务', 'Task', taskId);
  return both;
}

const signersOf = (instance: InstanceRow, task: TaskRow): SignerState | undefined => {
  const st = (instance.snapshot as any)?.context?.signers?.[task.elementId] as SignerState | undefined;
  return st && st.act === task.activation ? st : undefined;
};

export async function addSigners(
  rt: RuntimeContext,
  input: {
    taskId: string;
    signers: Holder[];
    mode: 'before' | 'after' | 'parallel';
    comment?: string;
    user: RuntimeUser;
  },
): Promise<StepOutcome> {
  const { user } = input;
  const usernames = [...new Set(input.signers.map((s) => s.username))];
  return retrying(async () => {
    const { task, instance } = await read(rt, input.taskId, user);
    if (task.status !== 'open') throw taskClosedError(task);
    if (!canCompleteTask(user, task, rt.roles) || task.owner !== null)
      throw new AppError('FORBIDDEN', '只有任务的办理人可以加签', {
        messageEn: 'Only the holder may add signers',
      });
    if (task.loopIndex !== null)
      throw conflict('会签（多实例）任务不能再加签', 'A multi-instance task takes no added signers');
    if (task.taskKey.includes('+'))
      throw conflict('加签人的任务不能再加签', "An added signer's task takes no further signers");
    if (usernames.includes(user.username))
      throw new AppError('BAD_REQUEST', '不能给自己加签', {
        messageEn: 'You cannot add yourself as a signer',
      });
    for (const s of input.signers) assertMayHold(rt, s, task);
    const already = signersOf(instance, task)?.list.filter(
      (s) => usernames.includes(s.user) && (s.state === 'open' || s.state === 'waiting'),
    );
    if (already?.length)
      throw conflict(
        `${already.map((s) => s.user).join('、')} 已是本任务的加签人`,
        `${already.map((s) => s.user).join(', ')} already sign this task`,
      );
    const event = {
      type: 'task.addSigners' as const,
      elementId: task.elementId,
      activation: task.activation,
      taskKey: task.taskKey,
      usernames,
      mode: input.mode,
      holder: task.assignee ?? user.username,
      ...(task.dueAt ? { dueAt: task.dueAt.toISOString() } : {}),
      ...(input.comment ? { comment: input.comment } : {}),
      actor: user.username,
      at: rt.clock.now().toISOString(),
    };
    return commitStep(rt, instance, event, { actor: user.username });
  });
}

export async function removeSigners(
  rt: RuntimeContext,
  input: { taskId: string; usernames: string[]; user: RuntimeUser },
): Promise<StepOutcome> {
  const { user } = input;
  return retrying(async () => {
    // The holder's task may be closed while `before` signers sign: the holder still names it to remove them.
    const { task, instance } = await read(rt, input.taskId, user);
    if (task.assignee !== user.username && !(task.status === 'open' && canCompleteTask(user, task, rt.roles)))
      throw new AppError('FORBIDDEN', '只有任务的办理人可以减签', {
        messageEn: 'Only the holder may remove signers',
      });
    const st = signersOf(instance, task);
    for (const name of input.usernames) {
      const s = st?.list.find((x) => x.user === name && x.state !== 'removed');
      if (!s) throw conflict(`${name} 不是本任务的加签人`, `${name} is not an added signer of this task`);
      if (s.state === 'signed') throw conflict(`${name} 已签署，不能减签`, `${name} already signed`);
    }
    const event = {
      type: 'task.removeSigners' as const,
      elementId: task.elementId,
      activation: task.activation,
      usernames: input.usernames,
      actor: user.username,
      at: rt.clock.now().toISOString(),
    };
    return commitStep(rt, instance, event, { actor: user.username });
  });
}

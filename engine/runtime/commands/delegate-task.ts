/**
 * @module 委派 delegate and 交还 resolve: the holder asks `to` to work on the task (the holder becomes its owner);
 * `to` resolves it, which hands it back to the owner, who completes it. A delegated task cannot be completed,
 * transferred or delegated again until it is resolved.
 */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import type { TaskRow } from '../../store';
import { canCompleteTask } from '../task-access';
import type { RuntimeContext, RuntimeUser } from '../types';
import { assertMayHold, type Holder, handOverTask, notToSelf } from './hand-over-task';

export function delegateTask(
  rt: RuntimeContext,
  input: { taskId: string; user: RuntimeUser; to: Holder; comment?: string },
): Promise<TaskRow> {
  const { user, to } = input;
  return handOverTask(rt, {
    taskId: input.taskId,
    user,
    check(task) {
      if (!canCompleteTask(user, task, rt.roles))
        throw new AppError('FORBIDDEN', '只有任务的办理人或候选人可以委派', {
          messageEn: 'Only the holder or a candidate may delegate the task',
        });
      if (task.owner !== null)
        throw new AppError('CONFLICT', '任务已在委派中', { messageEn: 'The task is already delegated' });
      notToSelf(user, to.username, '委派', 'delegate');
      assertMayHold(rt, to, task);
    },
    to: () => ({ assignee: to.username, owner: user.username }),
    history: {
      type: 'task.delegated',
      comment: input.comment,
      data: () => ({ from: user.username, to: to.username }),
    },
  });
}

export function resolveTask(
  rt: RuntimeContext,
  input: { taskId: string; user: RuntimeUser; variables?: Vars; comment?: string },
): Promise<TaskRow> {
  const { user } = input;
  return handOverTask(rt, {
    taskId: input.taskId,
    user,
    check(task) {
      if (task.owner === null)
        throw new AppError('CONFLICT', '该任务不在委派中，无需交还', {
          messageEn: 'The task is not delegated',
        });
      if (task.assignee !== user.username)
        throw new AppError('FORBIDDEN', '只有被委派人可以交还任务', {
          messageEn: 'Only the delegate may resolve the task',
        });
    },
    to: (task) => ({ assignee: task.owner, owner: null }),
    // The delegate's work stays on the task (prefilled for the owner) without touching the instance's variables:
    // only the owner's completion moves the process.
    ...(input.variables && Object.keys(input.variables).length > 0
      ? { localVars: (task: TaskRow) => ({ ...(task.localVars ?? {}), ...(input.variables as Vars) }) }
      : {}),
    history: {
      type: 'task.resolved',
      comment: input.comment,
      data: (task) => ({ from: user.username, to: task.owner ?? '' }),
    },
  });
}

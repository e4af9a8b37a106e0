/** @module 转办 transfer: the holder (assignee, or a candidate of an unclaimed task) makes the task another's; the due date stays. */
import { AppError } from '../../../platform/errors';
import type { TaskRow } from '../../store';
import { canCompleteTask } from '../task-access';
import type { RuntimeContext, RuntimeUser } from '../types';
import { assertMayHold, type Holder, handOverTask, notToSelf } from './hand-over-task';

export function transferTask(
  rt: RuntimeContext,
  input: { taskId: string; user: RuntimeUser; to: Holder; comment?: string },
): Promise<TaskRow> {
  const { user, to } = input;
  return handOverTask(rt, {
    taskId: input.taskId,
    user,
    check(task) {
      if (!canCompleteTask(user, task, rt.roles))
        throw new AppError('FORBIDDEN', '只有任务的办理人或候选人可以转办', {
          messageEn: 'Only the holder or a candidate may transfer the task',
        });
      if (task.owner !== null)
        throw new AppError('CONFLICT', '委派中的任务不能转办，请先交还委派人', {
          messageEn: 'A delegated task cannot be transferred; resolve it first',
        });
      notToSelf(user, to.username, '转办', 'transfer');
      assertMayHold(rt, to, task);
    },
    to: () => ({ assignee: to.username, owner: null }),
    history: {
      type: 'task.transferred',
      comment: input.comment,
      data: (task) => ({ from: task.assignee ?? user.username, to: to.username }),
    },
  });
}

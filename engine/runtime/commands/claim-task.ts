/** @module claimTask: a candidate takes an unassigned task (idempotent for the current assignee). */
import { AppError } from '../../../platform/errors';
import { appendHistory, getTaskRow, setAssignee, type TaskRow } from '../../store';
import { isCandidate } from '../task-access';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';
import { taskClosedError, visibleTask } from './complete-user-task';

export async function claimTask(
  rt: RuntimeContext,
  input: { taskId: string; user: RuntimeUser },
): Promise<TaskRow> {
  const { user } = input;
  const task = await visibleTask(rt, input.taskId, user);
  if (task.status !== 'open') throw taskClosedError(task);
  if (task.assignee === user.username) return task;
  if (task.assignee !== null) {
    throw new AppError('CONFLICT', '任务已被他人认领', {
      messageEn: 'The task is already claimed by someone else',
    });
  }
  if (!isCandidate(user, task, rt.roles))
    throw new AppError('FORBIDDEN', '无权认领该任务', { messageEn: 'You may not claim this task' });
  // inTransaction: a deadlock with a racing step runs it again (retry.ts); a lost claim is a 409 at once.
  return inTransaction(rt, async (tx) => {
    if (!(await setAssignee(tx, task.id, null, user.username))) {
      throw new AppError('CONFLICT', '任务已被他人认领或已结束', {
        messageEn: 'The task was claimed or closed meanwhile',
      });
    }
    const at = rt.clock.now().toISOString();
    await appendHistory(tx, task.instanceId, [
      { at, type: 'task.claimed', elementId: task.elementId, actor: user.username },
    ]);
    return (await getTaskRow(tx, task.id)) as TaskRow;
  });
}

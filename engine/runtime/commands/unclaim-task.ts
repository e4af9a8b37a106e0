/** @module unclaimTask: the assignee hands an open task back to its candidates. */
import { AppError } from '../../../platform/errors';
import { appendHistory, getTaskRow, setAssignee, type TaskRow } from '../../store';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';
import { taskClosedError, visibleTask } from './complete-user-task';

export async function unclaimTask(
  rt: RuntimeContext,
  input: { taskId: string; user: RuntimeUser },
): Promise<TaskRow> {
  const { user } = input;
  const task = await visibleTask(rt, input.taskId, user);
  if (task.status !== 'open') throw taskClosedError(task);
  if (task.assignee === null) return task;
  if (task.assignee !== user.username) {
    throw new AppError('FORBIDDEN', '只有认领人可以退回任务', {
      messageEn: 'Only the assignee may unclaim the task',
    });
  }
  // inTransaction: a deadlock with a racing step runs it again (retry.ts); a lost claim is a 409 at once.
  return inTransaction(rt, async (tx) => {
    if (!(await setAssignee(tx, task.id, user.username, null))) {
      throw new AppError('CONFLICT', '任务状态已变化', { messageEn: 'The task changed meanwhile' });
    }
    const at = rt.clock.now().toISOString();
    await appendHistory(tx, task.instanceId, [
      { at, type: 'task.unclaimed', elementId: task.elementId, actor: user.username },
    ]);
    return (await getTaskRow(tx, task.id)) as TaskRow;
  });
}

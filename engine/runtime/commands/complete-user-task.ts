/** @module completeUserTask: the assignee or a candidate completes an open task; a second completion is a 409 that changes nothing. */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import { getTaskRow, type InstanceRow, readTaskWithInstance, type TaskRow } from '../../store';
import { isUuid, notFound } from '../ids';
import { type OpenedTask, stepDetached, stepInstance } from '../step';
import { canCompleteTask, canSeeTask } from '../task-access';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface CompleteUserTaskInput {
  taskId: string;
  variables?: Vars;
  user: RuntimeUser;
}

export const taskClosedError = (task: TaskRow) =>
  new AppError('CONFLICT', task.status === 'completed' ? '任务已完成' : '任务已取消', {
    messageEn: `The task is already ${task.status}`,
  });

/** Loads a task the user may see, or NOT_FOUND (a task one may not see does not exist for them). */
export async function visibleTask(rt: RuntimeContext, taskId: string, user: RuntimeUser): Promise<TaskRow> {
  const task = isUuid(taskId) ? await getTaskRow(rt.db, taskId) : undefined;
  if (!task || !canSeeTask(user, task)) throw notFound('任务', 'Task', taskId);
  return task;
}

export async function completeUserTask(
  rt: RuntimeContext,
  input: CompleteUserTaskInput,
): Promise<{ task: TaskRow; instance: InstanceRow; openedTasks: OpenedTask[] }> {
  const { user } = input;
  const variables = input.variables ?? {};
  let validated = false;
  // Optimistic: read, compute, write everything in one guarded statement; a lost race re-reads and tries again.
  for (let attempt = 1; ; attempt++) {
    const both = isUuid(input.taskId) ? await readTaskWithInstance(rt.db, input.taskId) : undefined;
    if (!both || !canSeeTask(user, both.task)) throw notFound('任务', 'Task', input.taskId);
    const { task, instance } = both;
    if (task.status !== 'open') throw taskClosedError(task);
    if (!canCompleteTask(user, task)) throw claimedByOther();
    if (!validated) {
      await validateTaskForm(rt, task, variables, user);
      validated = true;
    }
    const event = completionEvent(rt, task, variables, user);
    const outcome = await stepDetached(rt, instance, event, {
      actor: user.username,
      closeTask: { taskKey: task.taskKey, by: user.username },
    });
    if (outcome === 'transaction') return completeInTransaction(rt, task.id, variables, user);
    if (outcome !== 'conflict')
      return {
        task: completedRow(task, event.at, user),
        instance: outcome.instance,
        openedTasks: outcome.openedTasks,
      };
    if (attempt >= 8) throw concurrentChange();
    await new Promise((r) => setTimeout(r, Math.random() * 2 ** Math.min(attempt, 6)));
  }
}

const claimedByOther = () =>
  new AppError('FORBIDDEN', '该任务已由他人认领', { messageEn: 'The task is claimed by someone else' });

const concurrentChange = () =>
  new AppError('CONFLICT', '数据已被他人同时修改，请刷新后重试', {
    messageEn: 'The instance was changed concurrently; reload and try again',
  });

async function validateTaskForm(rt: RuntimeContext, task: TaskRow, variables: Vars, user: RuntimeUser) {
  if (!task.formKey || !rt.validateForm) return;
  const check = await rt.validateForm(task.formKey, task.formVersion, variables, user);
  if (!check.ok) {
    throw new AppError('VALIDATION_FAILED', '表单数据未通过校验', {
      messageEn: 'The form data is invalid',
      details: check.details,
    });
  }
}

function completionEvent(rt: RuntimeContext, task: TaskRow, variables: Vars, user: RuntimeUser) {
  return {
    type: 'task.complete' as const,
    elementId: task.elementId,
    activation: task.activation,
    ...(task.loopIndex !== null ? { loopIndex: task.loopIndex } : {}),
    variables,
    actor: user.username,
    at: rt.clock.now().toISOString(),
  };
}

const completedRow = (task: TaskRow, at: string, user: RuntimeUser): TaskRow => ({
  ...task,
  status: 'completed',
  completedAt: new Date(at),
  completedBy: user.username,
  assignee: task.assignee ?? user.username,
});

/** The step ends the instance or moves a call activity's child: several statements, so one transaction. */
function completeInTransaction(rt: RuntimeContext, taskId: string, variables: Vars, user: RuntimeUser) {
  return inTransaction(rt, async (tx) => {
    // Re-read inside the transaction: a racing completion may have won since the checks above.
    const both = await readTaskWithInstance(tx, taskId);
    const fresh = both?.task;
    if (!both || !fresh) throw notFound('任务', 'Task', taskId);
    if (fresh.status !== 'open') throw taskClosedError(fresh);
    if (!canCompleteTask(user, fresh)) throw claimedByOther();
    const event = completionEvent(rt, fresh, variables, user);
    // The engine closes the task by effect (claiming it for the completer); closeTask makes certain in the same statement.
    const outcome = await stepInstance(rt, tx, both.instance, event, {
      actor: user.username,
      closeTask: { taskKey: fresh.taskKey, by: user.username },
    });
    return {
      task: completedRow(fresh, event.at, user),
      instance: outcome.instance,
      openedTasks: outcome.openedTasks,
    };
  });
}

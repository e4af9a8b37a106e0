/** @module completeUserTask: the assignee or a candidate completes an open task; a second completion is a 409 that changes nothing. */
import type { Vars } from '../../contract';
import { AppError } from '../../errors';
import { closeTask, getTaskRow, getTaskWithInstance, type InstanceRow, type TaskRow } from '../../store';
import { isUuid, notFound } from '../ids';
import { stepInstance } from '../step';
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
): Promise<{ task: TaskRow; instance: InstanceRow }> {
  const { user } = input;
  const variables = input.variables ?? {};
  const task = await visibleTask(rt, input.taskId, user);
  if (task.status !== 'open') throw taskClosedError(task);
  if (!canCompleteTask(user, task)) {
    throw new AppError('FORBIDDEN', '该任务已由他人认领', {
      messageEn: 'The task is claimed by someone else',
    });
  }
  if (task.formKey && rt.validateForm) {
    const check = await rt.validateForm(task.formKey, task.formVersion, variables, user);
    if (!check.ok) {
      throw new AppError('VALIDATION_FAILED', '表单数据未通过校验', {
        messageEn: 'The form data is invalid',
        details: check.details,
      });
    }
  }
  return inTransaction(rt, async (tx) => {
    // Re-read inside the transaction: a racing completion may have won since the checks above.
    const both = await getTaskWithInstance(tx, task.id);
    const fresh = both?.task;
    if (fresh?.status !== 'open') throw taskClosedError(fresh ?? task);
    if (!canCompleteTask(user, fresh)) {
      throw new AppError('FORBIDDEN', '该任务已由他人认领', {
        messageEn: 'The task is claimed by someone else',
      });
    }
    const instance = (both as { instance: InstanceRow }).instance;
    const event = {
      type: 'task.complete' as const,
      elementId: fresh.elementId,
      activation: fresh.activation,
      ...(fresh.loopIndex !== null ? { loopIndex: fresh.loopIndex } : {}),
      variables,
      actor: user.username,
      at: rt.clock.now().toISOString(),
    };
    const outcome = await stepInstance(rt, tx, instance, event, { actor: user.username });
    const at = new Date(event.at);
    // The engine closes the task by effect (claiming it implicitly for the completer); make certain if it did not.
    if (!outcome.effects.some((e) => e.type === 'task.closed' && e.taskKey === fresh.taskKey)) {
      await closeTask(tx, fresh.instanceId, fresh.taskKey, 'completed', at, user.username);
    }
    const done: TaskRow = {
      ...fresh,
      status: 'completed',
      completedAt: at,
      completedBy: user.username,
      assignee: fresh.assignee ?? user.username,
    };
    return { task: done, instance: outcome.instance };
  });
}

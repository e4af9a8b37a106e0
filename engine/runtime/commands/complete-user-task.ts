/**
 * @module completeUserTask: the assignee or a candidate completes an open task; a second completion is a 409 that
 * changes nothing. One path: read the task with its instance (one prepared query), check who acts, accept the
 * submitted variables (form, then the workflow's hook: once), compute the step, write it (commitStep); a lost race
 * reads again (retry.ts).
 */
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import {
  type DeleteRows,
  getTaskRow,
  type InstanceRow,
  readTaskWithInstance,
  type TaskRow,
} from '../../store';
import { isUuid, notFound } from '../ids';
import { retrying } from '../retry';
import { commitStep, type OpenedTask } from '../step';
import { canCompleteTask, canSeeTask } from '../task-access';
import { taskHeadersOf } from '../task-headers';
import type { RuntimeContext, RuntimeUser } from '../types';

export interface CompleteUserTaskInput {
  taskId: string;
  variables?: Vars;
  user: RuntimeUser;
  /** 审批意见, kept on the `task.completed` history event. */
  comment?: string;
  /**
   * The caller's own check of the submission against the task as read (the server's field access per step), run
   * once before the form's: it sees the task, its instance and the element's headers without a read of its own,
   * and returns the variables to go on with (or throws, and nothing is written).
   */
  accept?: (read: AcceptInput) => Vars | Promise<Vars>;
  /** The caller's rows that go with the completion (the server's drafts of the task): see StepWrites.deleteRows. */
  deleteRows?: DeleteRows[];
}

export interface AcceptInput {
  task: TaskRow;
  instance: InstanceRow;
  /** The user task's zeebe:taskHeaders as deployed ({} when it has none). */
  headers: Record<string, string>;
}

export const taskClosedError = (task: TaskRow) =>
  new AppError('CONFLICT', task.status === 'completed' ? '任务已完成' : '任务已取消', {
    messageEn: `The task is already ${task.status}`,
  });

/** Loads a task the user may see, or NOT_FOUND (a task one may not see does not exist for them). */
export async function visibleTask(rt: RuntimeContext, taskId: string, user: RuntimeUser): Promise<TaskRow> {
  const task = isUuid(taskId) ? await getTaskRow(rt.db, taskId) : undefined;
  if (!task || !canSeeTask(user, task, rt.roles)) throw notFound('任务', 'Task', taskId);
  return task;
}

export async function completeUserTask(
  rt: RuntimeContext,
  input: CompleteUserTaskInput,
): Promise<{ task: TaskRow; instance: InstanceRow; openedTasks: OpenedTask[] }> {
  const { user } = input;
  let variables: Vars | undefined;
  return retrying(async () => {
    // Every try reads afresh: a racing completion or claim shows here as a 409 or 403, not as a second step.
    const { task, instance } = await completableTask(rt, input.taskId, user);
    variables ??= await acceptedVariables(rt, { task, instance }, input, user);
    const event = completionEvent(rt, task, variables, user);
    // The engine closes the task by effect (claiming it for the completer); closeTask makes certain in the same statement.
    const outcome = await commitStep(rt, instance, event, {
      actor: user.username,
      closeTask: { taskKey: task.taskKey, by: user.username },
      comment: input.comment,
      deleteRows: input.deleteRows,
    });
    return {
      task: completedRow(task, event.at, user),
      instance: outcome.instance,
      openedTasks: outcome.openedTasks,
    };
  });
}

/** The task with its instance, if this user may complete it now: 404 unseen, 409 closed, 403 claimed by another. */
async function completableTask(rt: RuntimeContext, taskId: string, user: RuntimeUser) {
  const both = isUuid(taskId) ? await readTaskWithInstance(rt.db, taskId) : undefined;
  if (!both || !canSeeTask(user, both.task, rt.roles)) throw notFound('任务', 'Task', taskId);
  if (both.task.status !== 'open') throw taskClosedError(both.task);
  if (!canCompleteTask(user, both.task, rt.roles)) throw claimedByOther();
  // 委派: the delegate hands the task back (resolve); only its owner completes it.
  if (both.task.owner !== null)
    throw new AppError('CONFLICT', '委派中的任务需由被委派人交还后，由委派人办理', {
      messageEn: 'A delegated task is completed by its owner after the delegate resolves it',
    });
  return both;
}

/**
 * The one place submitted variables enter a completion, decided once however often the step is retried: the
 * caller's check (field access, 422), the task's form (422), then the process's own rule (the checkBeforeComplete
 * hook, e.g. a revised resource code that is taken: 409). What this returns is what the step writes into the instance.
 */
async function acceptedVariables(
  rt: RuntimeContext,
  read: { task: TaskRow; instance: InstanceRow },
  input: CompleteUserTaskInput,
  user: RuntimeUser,
): Promise<Vars> {
  const { task, instance } = read;
  const submitted = input.accept
    ? await input.accept({
        task,
        instance,
        headers: await taskHeadersOf(rt, instance.definitionId, task.elementId),
      })
    : (input.variables ?? {});
  await validateTaskForm(rt, task, submitted, user);
  await rt.hooks.checkBeforeComplete?.({ db: rt.db, task, variables: submitted, user });
  return submitted;
}

const claimedByOther = () =>
  new AppError('FORBIDDEN', '该任务已由他人认领', { messageEn: 'The task is claimed by someone else' });

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
    // The row's own key: an added signer's task (`el#act+n`) or a holder's reopened one (`el#act~n`, 加签).
    taskKey: task.taskKey,
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

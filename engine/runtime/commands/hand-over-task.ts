/**
 * @module The one path of 转办, 委派 and 交还: an open task changes holder as engine state (user_tasks.assignee and
 * owner) with its history event, in one transaction that also bumps the instance's version. The bump is what makes
 * "two people act on one task at once" end with exactly one winner: a completion computed against the old holder
 * fails its guarded write and reads again (then 403/409), and a hand-over racing a completion finds the task closed.
 */
import type { Json, Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import {
  appendHistory,
  getTaskRow,
  readTaskWithInstance,
  type TaskRow,
  updateInstanceVersioned,
} from '../../store';
import { setTaskHolder, type TaskHolder } from '../../store/task-holder';
import { isUuid, notFound } from '../ids';
import { VersionConflict } from '../retry';
import { canSeeTask } from '../task-access';
import { inTransaction } from '../transaction';
import type { RuntimeContext, RuntimeUser } from '../types';
import { taskClosedError } from './complete-user-task';

export interface HandOver {
  taskId: string;
  user: RuntimeUser;
  /** Throws the refusal (403/409/422) for this task as it is now; runs again on every retry. */
  check(task: TaskRow): void;
  to(task: TaskRow): TaskHolder;
  history: { type: string; comment?: string; data?: (task: TaskRow) => Record<string, Json> };
  localVars?: (task: TaskRow) => Vars;
}

export function handOverTask(rt: RuntimeContext, input: HandOver): Promise<TaskRow> {
  const { user } = input;
  return inTransaction(rt, async (tx) => {
    const both = isUuid(input.taskId) ? await readTaskWithInstance(tx, input.taskId) : undefined;
    if (!both || !canSeeTask(user, both.task, rt.roles)) throw notFound('任务', 'Task', input.taskId);
    const { task, instance } = both;
    if (task.status !== 'open') throw taskClosedError(task);
    input.check(task);
    if (!(await updateInstanceVersioned(tx, instance, {}))) throw new VersionConflict(instance.id);
    const to = input.to(task);
    if (!(await setTaskHolder(tx, task.id, task, to, input.localVars?.(task)))) throw changedMeanwhile();
    const at = rt.clock.now().toISOString();
    const data: Record<string, Json> = {
      taskId: task.id,
      taskKey: task.taskKey,
      taskName: task.name,
      ...(input.history.comment ? { comment: input.history.comment } : {}),
      ...(input.history.data?.(task) ?? {}),
    };
    await appendHistory(tx, instance.id, [
      { at, type: input.history.type, elementId: task.elementId, actor: user.username, data },
    ]);
    return (await getTaskRow(tx, task.id)) as TaskRow;
  });
}

const changedMeanwhile = () =>
  new AppError('CONFLICT', '任务已被他人处理，请刷新后重试', {
    messageEn: 'The task changed meanwhile; reload and try again',
  });

/** The person a task is handed to, as the server found them (exists, enabled: checked there, 422). */
export type Holder = RuntimeUser;

/**
 * May `target` hold this task? Only someone who could see the task's unit: its candidates, people of its unit, or
 * holders of a county-wide role (the same rule that decides who sees a task, widened from candidates to the unit).
 */
export function assertMayHold(rt: RuntimeContext, target: Holder, task: TaskRow) {
  const inUnit = task.unitId === null || target.unitId === task.unitId;
  const countyWide = target.roles.some((r) => rt.roles.isCountyWide(r));
  if (inUnit || countyWide || canSeeTask(target, task, rt.roles)) return;
  throw new AppError('VALIDATION_FAILED', `用户 ${target.username} 不属于该任务的办理单位，不能接收该任务`, {
    messageEn: `${target.username} may not see this task's unit`,
    details: [{ path: 'to', message: '接收人无权查看该任务所属单位' }],
  });
}

export const notToSelf = (user: RuntimeUser, to: string, zh: string, en: string) => {
  if (user.username === to)
    throw new AppError('BAD_REQUEST', `不能${zh}给自己`, { messageEn: `You cannot ${en} to yourself` });
};

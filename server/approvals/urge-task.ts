/**
 * @module 催办 urge: the instance's starter or a supervisor reminds whoever holds an open task (its assignee, else its
 * candidates). Once an hour per task: the history is the record (`task.urged`), read under a lock on the task row so
 * two urges at once cannot both pass.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { RuntimeUser } from '../../engine/runtime';
import { appendHistory, historyEvents, loadInstance, userTasks } from '../../engine/store';
import { isUuid } from '../../engine/runtime/ids';
import { isCountyWideRole } from '../../identity/roles';
import { AppError } from '../../platform/errors';
import { sendNotification, type Recipient } from '../../workflows/notifications';
import type { ActDeps } from './act-deps';
import { instanceTitles, peopleLabels } from '../../workflows/record';

const HOUR_MS = 60 * 60 * 1000;

// Says what is missing without echoing the id from the URL back: the caller has it, and it tells nobody more.
const notFound = () => new AppError('NOT_FOUND', '任务不存在', { messageEn: 'Task not found' });

export async function urgeTask(deps: ActDeps, user: RuntimeUser, taskId: string, comment?: string) {
  if (!isUuid(taskId)) throw notFound();
  return deps.db.transaction(async (tx) => {
    const [task] = await tx.select().from(userTasks).where(eq(userTasks.id, taskId)).for('update');
    if (!task) throw notFound();
    const instance = await loadInstance(tx, task.instanceId);
    const mayUrge = instance?.startedBy === user.username || user.roles.includes('supervisor');
    // Someone who may neither urge nor see the task learns nothing about it.
    if (!mayUrge)
      throw new AppError('FORBIDDEN', '只有发起人或督办人员可以催办', {
        messageEn: 'Only the starter or a supervisor may urge',
      });
    if (task.status !== 'open')
      throw new AppError('CONFLICT', '任务已办结，无需催办', {
        messageEn: `The task is already ${task.status}`,
      });
    const now = deps.clock.now();
    const [recent] = await tx
      .select({ at: historyEvents.at })
      .from(historyEvents)
      .where(
        and(
          eq(historyEvents.instanceId, task.instanceId),
          eq(historyEvents.type, 'task.urged'),
          gt(historyEvents.at, new Date(now.getTime() - HOUR_MS)),
          sql`${historyEvents.data}->>'taskId' = ${task.id}`,
        ),
      )
      .limit(1);
    if (recent)
      throw new AppError('RATE_LIMITED', '一小时内已催办过该任务，请稍后再试', {
        messageEn: 'This task was urged less than an hour ago',
        details: { lastUrgedAt: recent.at.toISOString() },
      });
    await appendHistory(tx, task.instanceId, [
      {
        at: now.toISOString(),
        type: 'task.urged',
        elementId: task.elementId,
        actor: user.username,
        data: { taskId: task.id, taskName: task.name, ...(comment ? { comment } : {}) },
      },
    ]);
    const to: Recipient[] = task.assignee
      ? [{ username: task.assignee }]
      : [
          ...task.candidateUsers.map((username) => ({ username })),
          // A county-wide role's holders work anywhere; a unit role means its holders in the task's unit.
          ...task.candidateGroups.map((role) => ({
            role,
            ...(task.unitId && !isCountyWideRole(role) ? { unitId: task.unitId } : {}),
          })),
        ];
    // What it is about and who urged, as people say it (#17): the instance's title, the urger's name and unit.
    const about = (await instanceTitles(tx, [task.instanceId])).get(task.instanceId);
    const who = (await peopleLabels(tx, [user.username])).get(user.username)?.label ?? user.username;
    await sendNotification(tx, to, {
      title: `催办：请尽快办理「${task.name}」${about ? ` · ${about}` : ''}`,
      body: comment ? `${who}：${comment}` : `来自 ${who}`,
      link: `/tasks/${task.id}`,
      kind: 'urge',
      instanceId: task.instanceId,
    });
    return { taskId: task.id, urgedAt: now.toISOString() };
  });
}

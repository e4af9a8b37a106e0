/**
 * @module After a year is loaded, provisional deadlines are re-dated: a task keeps the number of working days it
 * was given (counted on the calendar it was computed with), counted again on the official schedule. Figures stored
 * in working days (archived problems' days to fix) are recounted on the new schedule too.
 */
import type { WorkdayCalendar } from '../../engine/calendar';
import type { Db } from '../../platform/db/db';
import { moveTaskDeadline, openProvisionalTasks } from '../../engine/store/deadlines';
import { refreshProblemWorkdays } from '../../workflows/problems';

/** Returns the number of task deadlines changed (problems whose figure changed are not counted). */
export async function recomputeProvisionalDeadlines(db: Db, before: WorkdayCalendar, after: WorkdayCalendar): Promise<number> {
  let changed = 0;
  for (const task of await openProvisionalTasks(db)) {
    if (!task.dueAt) continue;
    const given = before.workdaysBetween(task.createdAt.toISOString(), task.dueAt.toISOString()).days;
    const next = after.addWorkdays(task.createdAt.toISOString(), Math.max(0, given));
    const dueAt = new Date(next.dueAt);
    await db.transaction((tx) => moveTaskDeadline(tx, { id: task.id, instanceId: task.instanceId, dueAt: task.dueAt! }, { dueAt, provisional: next.provisional }));
    if (dueAt.getTime() !== task.dueAt.getTime() || !next.provisional) changed++;
  }
  // Statistics average the stored days to fix; a loaded year (new holidays, 调休) changes them.
  await refreshProblemWorkdays(db, after);
  return changed;
}

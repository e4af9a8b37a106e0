/** @module Queries for re-dating provisional deadlines after an administrator loads a calendar year. */
import { and, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { timers, userTasks } from './schema';

export async function openProvisionalTasks(db: DbOrTx) {
  return db
    .select({
      id: userTasks.id,
      instanceId: userTasks.instanceId,
      createdAt: userTasks.createdAt,
      dueAt: userTasks.dueAt,
    })
    .from(userTasks)
    .where(and(eq(userTasks.status, 'open'), eq(userTasks.dueProvisional, true)));
}

/**
 * Moves one task's deadline and the instance's scheduled timers that hang on it (the overdue reminder fires
 * shortly after the deadline), keeping their distance to the deadline.
 */
export async function moveTaskDeadline(
  tx: DbOrTx,
  task: { id: string; instanceId: string; dueAt: Date },
  next: { dueAt: Date; provisional: boolean },
) {
  const shift = next.dueAt.getTime() - task.dueAt.getTime();
  await tx
    .update(userTasks)
    .set({ dueAt: next.dueAt, dueProvisional: next.provisional })
    .where(eq(userTasks.id, task.id));
  if (shift === 0) return;
  const windowEnd = new Date(task.dueAt.getTime() + 24 * 3600_000);
  const related = await tx
    .select({ id: timers.id, dueAt: timers.dueAt })
    .from(timers)
    .where(
      and(
        eq(timers.instanceId, task.instanceId),
        eq(timers.status, 'scheduled'),
        gt(timers.dueAt, task.dueAt),
        lte(timers.dueAt, windowEnd),
      ),
    );
  for (const t of related) {
    await tx
      .update(timers)
      .set({ dueAt: new Date(t.dueAt.getTime() + shift) })
      .where(eq(timers.id, t.id));
  }
}

/** @module Queries of the data-problem projection. */
import { and, eq, sql } from 'drizzle-orm';
import { userTasks } from '../../engine/store/schema';
import type { DbOrTx } from '../../engine/store/db';
import { problems } from './schema';

export type ProblemRow = typeof problems.$inferSelect;

export async function insertProblem(db: DbOrTx, row: typeof problems.$inferInsert) {
  await db.insert(problems).values(row).onConflictDoNothing({ target: problems.instanceId });
}

export async function findProblem(db: DbOrTx, instanceId: string): Promise<ProblemRow | undefined> {
  const [row] = await db.select().from(problems).where(eq(problems.instanceId, instanceId));
  return row;
}

export async function updateProblem(
  db: DbOrTx,
  instanceId: string,
  patch: Partial<typeof problems.$inferInsert>,
) {
  await db.update(problems).set(patch).where(eq(problems.instanceId, instanceId));
}

/**
 * After an administrator loads a year's calendar, the runtime recomputes provisional task deadlines; this copies the
 * open `rectify` tasks' new due dates into the projection so statistics and 催办 agree. Returns rows changed.
 */
export async function syncProblemDeadlines(db: DbOrTx): Promise<number> {
  const changed = await db
    .update(problems)
    .set({ dueAt: sql`${userTasks.dueAt}` })
    .from(userTasks)
    .where(
      and(
        eq(userTasks.instanceId, problems.instanceId),
        eq(userTasks.elementId, 'rectify'),
        eq(userTasks.status, 'open'),
        eq(problems.status, 'rectifying'),
        sql`${problems.dueAt} is distinct from ${userTasks.dueAt}`,
      ),
    )
    .returning({ id: problems.id });
  return changed.length;
}

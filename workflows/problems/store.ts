/** @module Queries of the data-problem projection. */
import { eq } from 'drizzle-orm';
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

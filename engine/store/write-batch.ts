/**
 * @module Runs a step's independent writes as ONE statement (`WITH w0 AS (update ...), w1 AS (insert ...) insert ...`):
 * a round trip per step instead of one per table. Every part sees the same snapshot, as writes of one step should.
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from './db';

export async function runWrites(
  tx: DbOrTx,
  writes: (SQLWrapper | null | undefined)[],
  tail?: SQL,
): Promise<void> {
  const parts = writes.filter((w): w is SQLWrapper => Boolean(w)).map((w) => w.getSQL());
  if (tail) {
    // A SELECT (pg_notify) only runs as the main statement, never as an unreferenced CTE.
    if (parts.length === 0) await tx.execute(tail);
    else
      await tx.execute(
        sql`with ${sql.join(
          parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p})`),
          sql`, `,
        )} ${tail}`,
      );
    return;
  }
  if (parts.length === 0) return;
  const last = parts.pop() as SQL;
  if (parts.length === 0) await tx.execute(last);
  else
    await tx.execute(
      sql`with ${sql.join(
        parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p})`),
        sql`, `,
      )} ${last}`,
    );
}

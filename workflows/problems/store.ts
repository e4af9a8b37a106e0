/** @module Queries of the data-problem projection. */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { userTasks } from '../../engine/store/schema';
import type { DbOrTx } from '../../platform/db/db';
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

const chinaDay = (c: AnyPgColumn) => sql`(${c} at time zone 'Asia/Shanghai')::date`;

/**
 * The China dates spanned by archived problems with a fix report (receipt to report), or null when there are none;
 * `missingOnly`: of those without a stored figure (`problems_archived_unfigured_idx`).
 */
export async function archivedDaySpan(
  db: DbOrTx,
  missingOnly = false,
): Promise<{ first: string; last: string } | null> {
  const r = chinaDay(problems.receivedAt);
  const f = chinaDay(problems.rectifiedAt);
  const [row] = await db
    .select({
      first: sql<string | null>`least(min(${r}), min(${f}))::text`,
      last: sql<string | null>`greatest(max(${r}), max(${f}))::text`,
    })
    .from(problems)
    .where(
      and(
        eq(problems.status, 'archived'),
        isNotNull(problems.rectifiedAt),
        missingOnly ? isNull(problems.workdaysToFix) : undefined,
      ),
    );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/**
 * Sets `workdaysToFix` of every archived problem with a fix report from working-day ordinals: `ordinals[i]` counts
 * the working days up to and including `firstDay + i`, so the days strictly after receipt up to the report are
 * ord(report) − ord(receipt). One JSON parameter carries the table, whatever the span. Writes only rows whose
 * figure changes; returns how many.
 */
export async function setWorkdaysToFix(
  db: DbOrTx,
  firstDay: string,
  ordinals: number[],
  missingOnly = false,
): Promise<number> {
  const result = (await db.execute(sql`
    with o(day, ord) as (
      select ${firstDay}::date + (i - 1)::int, v::int
      from jsonb_array_elements_text(${JSON.stringify(ordinals)}::jsonb) with ordinality as t(v, i)
    ), changed as (
      update ${problems} p set workdays_to_fix = greatest(0, f.ord - r.ord)
      from o r, o f
      where p.status = 'archived' and p.rectified_at is not null
        and r.day = (p.received_at at time zone 'Asia/Shanghai')::date
        and f.day = (p.rectified_at at time zone 'Asia/Shanghai')::date
        and p.workdays_to_fix is distinct from greatest(0, f.ord - r.ord)
        ${missingOnly ? sql`and p.workdays_to_fix is null` : sql``}
      returning 1
    )
    select count(*)::int as n from changed`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/** @module Supervision queries: open tasks past due, and the per-unit aggregates of problems and catalog events. */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { processInstances, userTasks } from '../../engine/store/schema';
import type { DbOrTx } from '../../platform/db/db';
import { units } from '../../identity/schema';
import { catalogEvents } from '../catalog/schema';
import { problems } from '../problems/schema';
import { bulletins } from './schema';

/**
 * Open user tasks whose deadline has passed, earliest first (ties by id, so the 1000th is always the same task), at
 * most 1000; the unit is the task's scope, else the instance starter's unit. With planner statistics this walks
 * `user_tasks_open_due_idx` and stops at 1000 (~3 ms for 20k overdue tasks); before the first ANALYZE of a bulk-loaded
 * table it joins and sorts them all (~40 ms).
 */
export async function listOverdueTaskRows(db: DbOrTx, now: Date, unitId?: string) {
  const unitOf = sql<string | null>`coalesce(${userTasks.unitId}, ${processInstances.unitId})`;
  return db
    .select({
      id: userTasks.id,
      name: userTasks.name,
      elementId: userTasks.elementId,
      processInstanceId: userTasks.instanceId,
      processKey: userTasks.processKey,
      businessKey: userTasks.businessKey,
      assignee: userTasks.assignee,
      candidateGroups: userTasks.candidateGroups,
      createdAt: userTasks.createdAt,
      dueAt: userTasks.dueAt,
      dueProvisional: userTasks.dueProvisional,
      unitId: unitOf,
      unitName: units.name,
    })
    .from(userTasks)
    .innerJoin(processInstances, eq(processInstances.id, userTasks.instanceId))
    .leftJoin(units, eq(units.id, unitOf))
    .where(
      and(
        eq(userTasks.status, 'open'),
        isNotNull(userTasks.dueAt),
        lt(userTasks.dueAt, now),
        unitId ? eq(unitOf, unitId) : undefined,
      ),
    )
    .orderBy(asc(userTasks.dueAt), asc(userTasks.id))
    .limit(1000);
}

/** Units that appear in statistics: everyone but the authority itself, in the county's order. */
export async function listReportingUnits(db: DbOrTx) {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(ne(units.kind, 'authority'))
    .orderBy(asc(units.sortOrder), asc(units.name));
}

/** Problems routed to a unit and not dismissed, received in [from, to). */
export async function problemsReceivedIn(db: DbOrTx, from: Date, to: Date) {
  return db
    .select({ unitId: problems.sourceUnitId, n: sql<number>`count(*)::int` })
    .from(problems)
    .where(and(gte(problems.receivedAt, from), lt(problems.receivedAt, to), ne(problems.status, 'dismissed')))
    .groupBy(problems.sourceUnitId);
}

/**
 * Problems archived in [from, to), per unit: counts, rework and the sum of stored working days to fix. An
 * index-only scan of `problems_archived_closed_at_idx` (it carries every column read here).
 */
export async function problemsArchivedIn(db: DbOrTx, from: Date, to: Date) {
  return db
    .select({
      unitId: problems.sourceUnitId,
      n: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) filter (where ${problems.onTime}))::int`,
      rework: sql<number>`coalesce(sum(greatest(${problems.rounds} - 1, 0)), 0)::int`,
      fixDays: sql<number>`coalesce(sum(${problems.workdaysToFix}), 0)::int`,
      fixN: sql<number>`count(${problems.workdaysToFix})::int`,
    })
    .from(problems)
    .where(and(eq(problems.status, 'archived'), gte(problems.closedAt, from), lt(problems.closedAt, to)))
    .groupBy(problems.sourceUnitId);
}

/**
 * Archived problems of [from, to) with a fix report but no stored working days yet (archived before the figure
 * was stored, not yet backfilled), grouped by unit and the China dates received and rectified: the caller counts
 * those days itself. Normally none (`problems_archived_unfigured_idx`).
 */
export async function problemsArchivedUnfiguredIn(db: DbOrTx, from: Date, to: Date) {
  const chinaDay = (c: AnyPgColumn) => sql<string>`to_char(${c} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const receivedDay = chinaDay(problems.receivedAt);
  const rectifiedDay = chinaDay(problems.rectifiedAt);
  return db
    .select({ unitId: problems.sourceUnitId, receivedDay, rectifiedDay, n: sql<number>`count(*)::int` })
    .from(problems)
    .where(
      and(
        eq(problems.status, 'archived'),
        isNull(problems.workdaysToFix),
        isNotNull(problems.rectifiedAt),
        gte(problems.closedAt, from),
        lt(problems.closedAt, to),
      ),
    )
    .groupBy(problems.sourceUnitId, receivedDay, rectifiedDay);
}

export async function problemsOverdueAt(db: DbOrTx, now: Date) {
  return db
    .select({ unitId: problems.sourceUnitId, n: sql<number>`count(*)::int` })
    .from(problems)
    .where(and(eq(problems.status, 'rectifying'), lte(problems.dueAt, now)))
    .groupBy(problems.sourceUnitId);
}

export async function catalogEventsIn(db: DbOrTx, from: Date, to: Date) {
  return db
    .select({ unitId: catalogEvents.unitId, kind: catalogEvents.kind, n: sql<number>`count(*)::int` })
    .from(catalogEvents)
    .where(
      and(
        gte(catalogEvents.at, from),
        lt(catalogEvents.at, to),
        inArray(catalogEvents.kind, ['registered', 'changed', 'retired', 'returned']),
      ),
    )
    .groupBy(catalogEvents.unitId, catalogEvents.kind);
}

export async function insertBulletin(db: DbOrTx, row: typeof bulletins.$inferInsert) {
  const [created] = await db
    .insert(bulletins)
    .values(row)
    .onConflictDoUpdate({
      target: bulletins.instanceId,
      set: { stats: row.stats, overdue: row.overdue, stale: row.stale, title: row.title },
    })
    .returning();
  return created;
}

export async function findBulletin(db: DbOrTx, id: string) {
  const [row] = await db.select().from(bulletins).where(eq(bulletins.id, id));
  return row;
}

export async function publishBulletinRow(
  db: DbOrTx,
  id: string,
  at: Date,
  by?: string,
  summary?: string | null,
) {
  await db
    .update(bulletins)
    .set({ status: 'published', publishedAt: at, publishedBy: by, summary: summary ?? null })
    .where(eq(bulletins.id, id));
}

/** Newest period first; `publishedOnly` for readers outside supervision (a draft is the authority's work in progress). */
export async function listBulletins(db: DbOrTx, opts: { publishedOnly?: boolean } = {}) {
  return db
    .select({
      id: bulletins.id,
      title: bulletins.title,
      periodFrom: bulletins.periodFrom,
      periodTo: bulletins.periodTo,
      status: bulletins.status,
      publishedAt: bulletins.publishedAt,
    })
    .from(bulletins)
    .where(opts.publishedOnly ? eq(bulletins.status, 'published') : undefined)
    .orderBy(sql`${bulletins.periodFrom} desc`);
}

/**
 * Per China-calendar week (Monday start, `YYYY-MM-DD` of that Monday) of [from, to): problems received (not
 * dismissed, as `problemsReceivedIn`), and archived with how many not on time (as `problemsArchivedIn`). Two grouped
 * scans on `problems_received_at_idx` and `problems_archived_closed_at_idx`.
 */
export async function problemsByWeekIn(db: DbOrTx, from: Date, to: Date) {
  const weekOf = (c: AnyPgColumn) =>
    sql<string>`to_char(date_trunc('week', ${c} at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`;
  const receivedWeek = weekOf(problems.receivedAt);
  const closedWeek = weekOf(problems.closedAt);
  const [received, archived] = await Promise.all([
    db
      .select({ weekStart: receivedWeek, n: sql<number>`count(*)::int` })
      .from(problems)
      .where(
        and(gte(problems.receivedAt, from), lt(problems.receivedAt, to), ne(problems.status, 'dismissed')),
      )
      .groupBy(receivedWeek),
    db
      .select({
        weekStart: closedWeek,
        n: sql<number>`count(*)::int`,
        late: sql<number>`(count(*) filter (where ${problems.onTime} is not true))::int`,
      })
      .from(problems)
      .where(and(eq(problems.status, 'archived'), gte(problems.closedAt, from), lt(problems.closedAt, to)))
      .groupBy(closedWeek),
  ]);
  return { received, archived };
}

/** Problems not yet archived nor dismissed, county-wide (an index scan of `problems.status`). */
export async function countOpenProblems(db: DbOrTx) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(problems)
    .where(inArray(problems.status, ['triage', 'rectifying', 'verifying']));
  return row?.n ?? 0;
}

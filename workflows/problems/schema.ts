import { sql } from 'drizzle-orm';
/** @module The data-problem projection: one row per data-problem instance, kept by its workers so statistics never scan jsonb. */
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, tz } from '../../platform/db/db';

export const PROBLEM_STATUSES = ['triage', 'rectifying', 'verifying', 'archived', 'dismissed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const problems = pgTable(
  'problems',
  {
    id: uuid().primaryKey().defaultRandom(),
    instanceId: uuid().notNull().unique(),
    entryId: uuid().notNull(),
    entryCode: text().notNull(),
    reporterUnitId: text(),
    reporter: text(),
    /** 数源单位 (一数一源): the entry's owner unit. */
    sourceUnitId: text().notNull(),
    problemType: text({ enum: ['error', 'omission', 'infringement', 'other'] }).notNull(),
    urgent: boolean().notNull().default(false),
    description: text().notNull(),
    status: text({ enum: PROBLEM_STATUSES }).notNull().default('triage'),
    receivedAt: tz().notNull(),
    /** Deadline of the current rectification round. */
    dueAt: tz(),
    overdue: boolean().notNull().default(false),
    /** Overdue working days at the last 催办, so a daily cycle reminds once per working day. */
    remindedOverdueDays: integer().notNull().default(0),
    reminders: integer().notNull().default(0),
    /** First time the source unit reported the fix (rectifiedAt of round 1 decides "on time"). */
    firstRectifiedAt: tz(),
    rectifiedAt: tz(),
    /** Every round's report was within its deadline. */
    onTime: boolean(),
    /**
     * Working days from receipt to the final fix report (`rectifiedAt`), stored when the problem is archived so
     * statistics sum a column instead of counting days per row; recomputed when a calendar year is loaded. Null
     * while open, when archived without a report, and for rows archived before the column existed until
     * `refreshProblemWorkdays` has run (statistics count those from their dates).
     */
    workdaysToFix: integer(),
    /** Rectification rounds opened (1 = fixed first time; more = rework). */
    rounds: integer().notNull().default(0),
    outcome: text({ enum: ['archived', 'dismissed'] }),
    closedAt: tz(),
    ...timestamps,
  },
  (t) => [
    index().on(t.sourceUnitId, t.receivedAt),
    index().on(t.status),
    // Statistics read a period's received and archived problems across all units, and the overdue ones now. Each
    // index carries the columns its aggregate reads, so a year of rows is an index-only scan (no heap visits).
    index('problems_received_at_idx').on(t.receivedAt, t.sourceUnitId, t.status),
    index('problems_archived_closed_at_idx')
      .on(t.closedAt, t.sourceUnitId, t.onTime, t.rounds, t.workdaysToFix)
      .where(sql`${t.status} = 'archived'`),
    // Archived rows still without their working-day figure (before the backfill): normally empty.
    index('problems_archived_unfigured_idx')
      .on(t.closedAt)
      .where(sql`${t.status} = 'archived' and ${t.workdaysToFix} is null and ${t.rectifiedAt} is not null`),
    index('problems_rectifying_due_at_idx')
      .on(t.dueAt, t.sourceUnitId)
      .where(sql`${t.status} = 'rectifying'`),
  ],
);

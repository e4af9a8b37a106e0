/** @module Bulletins (通报): one row per bulletin instance with its frozen statistics. */
import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Json } from '../../engine/contract';
import { timestamps } from '../../platform/db/db';

export const bulletins = pgTable('bulletins', {
  id: uuid().primaryKey().defaultRandom(),
  instanceId: uuid().unique(),
  periodFrom: date({ mode: 'string' }).notNull(),
  periodTo: date({ mode: 'string' }).notNull(),
  title: text().notNull(),
  /** The statistics and overdue list as computed when prepared, so the published bulletin never shifts. */
  stats: jsonb().$type<Json>().notNull(),
  overdue: jsonb().$type<Json>().notNull(),
  /** Stale catalog entries (数据更新) when prepared; null on bulletins prepared before update cycles were watched. */
  stale: jsonb().$type<Json>(),
  /** The summary as the reviewer edited and published it (printed in the workbook). */
  summary: text(),
  status: text({ enum: ['draft', 'published'] })
    .notNull()
    .default('draft'),
  publishedAt: timestamp({ withTimezone: true }),
  publishedBy: text(),
  ...timestamps,
});

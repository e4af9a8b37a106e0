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
  status: text({ enum: ['draft', 'published'] })
    .notNull()
    .default('draft'),
  publishedAt: timestamp({ withTimezone: true }),
  publishedBy: text(),
  ...timestamps,
});

/** @module Working-day schedules that administrators load per year (the package covers only the years it knows). */
import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/db';

export const calendarYears = pgTable('calendar_years', {
  year: integer().primaryKey(),
  holidays: jsonb().$type<string[]>().notNull(),
  makeupWorkdays: jsonb().$type<string[]>().notNull(),
  loadedBy: text().notNull(),
  ...timestamps,
});

/** @module The 业务编号 counters: one row per process and year, bumped atomically so several servers never share a number. */
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** `last` is the number most recently handed out for (processKey, year); the next start takes `last + 1`. */
export const businessKeySequences = pgTable(
  'business_key_sequences',
  {
    processKey: text().notNull(),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.processKey, t.year] })],
);

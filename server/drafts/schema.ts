/** @module Drafts (暂存): one half-written form per user and task, or per user and process for a start form. */
import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tz } from '../../platform/db/db';

export const formDrafts = pgTable(
  'form_drafts',
  {
    /** users.id of the writer: a draft is never shown to anyone else. */
    userId: text().notNull(),
    /** 'task' (ref = task id) or 'start' (ref = process key). */
    kind: text().notNull(),
    ref: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    updatedAt: tz().notNull().defaultNow(),
  },
  // Completing a task removes every user's draft of it, so the task id alone must be quick to find.
  (t) => [primaryKey({ columns: [t.kind, t.ref, t.userId] })],
);

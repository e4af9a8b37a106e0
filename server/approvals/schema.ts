/** @module 抄送 (CC): one row per task and person it was copied to, read or not. The act itself is in the instance history. */
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../platform/db/db';

export const taskCopies = pgTable(
  'task_copies',
  {
    id: uuid().primaryKey().defaultRandom(),
    instanceId: uuid().notNull(),
    taskId: uuid().notNull(),
    elementId: text().notNull(),
    taskName: text().notNull(),
    processKey: text().notNull(),
    businessKey: text(),
    /** The recipient. */
    username: text().notNull(),
    /** Who copied it; null when the diagram's `cc` header did, as the task completed. */
    copiedBy: text(),
    comment: text(),
    readAt: tz(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [
    // Copying one task to one person twice keeps one row (the second act is still in the history).
    uniqueIndex('task_copies_task_user_uq').on(t.taskId, t.username),
    index('task_copies_user_idx').on(t.username, t.createdAt.desc()),
  ],
);

export type TaskCopyRow = typeof taskCopies.$inferSelect;

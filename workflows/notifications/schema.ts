/** @module Notifications (站内通知): one row per recipient user, or per role+unit when nobody holds the role yet. */
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../platform/db/db';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** users.id of the recipient; null when only the role target is known. */
    userId: text(),
    role: text(),
    unitId: text(),
    title: text().notNull(),
    body: text().notNull().default(''),
    link: text(),
    kind: text().notNull().default('info'),
    instanceId: uuid(),
    readAt: tz(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.createdAt.desc()), index().on(t.role, t.unitId)],
);

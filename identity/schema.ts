/** @module Identity tables: units (单位), users, their roles, and login sessions. */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from '../platform/db/db';

/** 乡镇/街道, 县级部门, 公共服务单位, and the authority itself. Ids are short stable codes (e.g. `gaj`). */
export const units = pgTable('units', {
  id: text().primaryKey(),
  name: text().notNull().unique(),
  kind: text({ enum: ['authority', 'department', 'town', 'public-service'] }).notNull(),
  sortOrder: integer().notNull().default(0),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    username: text().notNull().unique(),
    name: text().notNull(),
    unitId: text()
      .notNull()
      .references(() => units.id),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [index().on(t.unitId)],
);

/** Role keys from PROCESSES.md; a user may hold several. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index().on(t.role)],
);

/** Only a hash of the token is stored, so a leaked table does not leak sessions. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

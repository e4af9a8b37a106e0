/** @module Identity tables: units (单位), users, their roles, login sessions and second-factor recovery codes. */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from '../platform/db/db';

/** 乡镇/街道, 县级部门, 公共服务单位, and the authority itself. The id is the unit's code (e.g. `gaj`), never changed. */
export const units = pgTable('units', {
  id: text().primaryKey(),
  name: text().notNull().unique(),
  kind: text({ enum: ['authority', 'department', 'town', 'public-service'] }).notNull(),
  sortOrder: integer().notNull().default(0),
  /** An inactive unit keeps its history and entries but gets no new users or tasks (docs/api.md "Units"). */
  active: boolean().notNull().default(true),
  /** Seeded with the demo data (示例单位): an example, not the county's own list. */
  example: boolean().notNull().default(false),
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
    /** Set by an administrator, an import or the CLI: the password is one-time and must be changed first. */
    mustChangePassword: boolean().notNull().default(false),
    /** A seeded demo account: exempt from the forced change and from second-factor enrolment (docs/api.md). */
    demo: boolean().notNull().default(false),
    /** Failed logins in the window that began at failedSince; 5 within 15 minutes set lockedUntil (every process sees it). */
    failedLogins: integer().notNull().default(0),
    failedSince: timestamp({ withTimezone: true }),
    lockedUntil: timestamp({ withTimezone: true }),
    /** TOTP (RFC 6238) secret in base32, encrypted when HUILIU_DATA_KEY is set; null = not enrolled. */
    totpSecret: text(),
    /** A secret handed out by POST /api/me/totp, waiting for its first code. */
    totpPendingSecret: text(),
    /** The last 30-second step whose code was accepted: a code is good once (no replay within its window). */
    totpLastStep: integer(),
    ...timestamps,
  },
  (t) => [index().on(t.unitId)],
);

/** Role keys from docs/processes.md; a user may hold several. */
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
    /** The absolute end (HUILIU_SESSION_HOURS after login). */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Refreshed by requests at most once a minute; older than HUILIU_SESSION_IDLE_MINUTES = ended. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), index().on(t.lastSeenAt)],
);

/** Second-factor recovery codes: stored hashed, each usable once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * @module The security audit log (安全审计, 等保 2.0 level 3): one row per security-relevant act. Append-only:
 * a trigger (migration audit_append_only) refuses UPDATE and DELETE, so not even the application's own database
 * role can rewrite what happened. It sits in the platform floor because every area writes to it.
 */
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: text().primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Username, or null for an anonymous act (a failed login names the attempted username in `target`). */
    actor: text(),
    ip: text(),
    /** Dotted verb, e.g. `auth.login`, `user.create`, `deployment.create`, `import.catalog`. */
    action: text().notNull(),
    target: text(),
    outcome: text({ enum: ['ok', 'denied', 'failed'] }).notNull(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.at), index().on(t.actor, t.at), index().on(t.action, t.at)],
);

/** @module Notification queries: resolve recipients from identity tables, write one row per user, list and mark read. */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { userRoles, users } from '../../identity/schema';
import { notifications } from './schema';

export interface NotificationInput {
  title: string;
  body?: string;
  link?: string;
  kind?: string;
  instanceId?: string;
}

/** A recipient: one user, or everyone with a role (in one unit, or county-wide when `unitId` is absent). */
export type Recipient = { username: string } | { role: string; unitId?: string };

/** Writes one row per distinct user; a role nobody holds yet keeps one role row so the message is not lost. */
export async function sendNotification(
  db: DbOrTx,
  to: Recipient[],
  input: NotificationInput,
): Promise<number> {
  const rows: (typeof notifications.$inferInsert)[] = [];
  const seen = new Set<string>();
  const base = {
    title: input.title,
    body: input.body ?? '',
    link: input.link,
    kind: input.kind ?? 'info',
    instanceId: input.instanceId,
  };
  for (const r of to) {
    const found =
      'username' in r
        ? await db
            .select({ id: users.id, unitId: users.unitId })
            .from(users)
            .where(eq(users.username, r.username))
        : await db
            .select({ id: users.id, unitId: users.unitId })
            .from(users)
            .innerJoin(userRoles, eq(userRoles.userId, users.id))
            .where(
              and(
                eq(userRoles.role, r.role),
                eq(users.active, true),
                r.unitId ? eq(users.unitId, r.unitId) : undefined,
              ),
            );
    if (found.length === 0 && 'role' in r) rows.push({ ...base, role: r.role, unitId: r.unitId });
    for (const u of found) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      rows.push({ ...base, userId: u.id, unitId: u.unitId, role: 'role' in r ? r.role : undefined });
    }
  }
  if (rows.length > 0) await db.insert(notifications).values(rows);
  return rows.length;
}

export async function listNotifications(
  db: DbOrTx,
  userId: string,
  opts: { unreadOnly?: boolean; limit?: number } = {},
) {
  const where = and(
    eq(notifications.userId, userId),
    opts.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [items, [{ unread }]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt))
      .limit(opts.limit ?? 50),
    db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, unread };
}

/** Marks the given notifications (or all, when `ids` is absent) of one user read; others' rows are untouched. */
export async function markNotificationsRead(db: DbOrTx, userId: string, at: Date, ids?: string[]) {
  const where = and(
    eq(notifications.userId, userId),
    isNull(notifications.readAt),
    ids ? inArray(notifications.id, ids) : undefined,
  );
  const done = await db
    .update(notifications)
    .set({ readAt: at })
    .where(where)
    .returning({ id: notifications.id });
  return done.length;
}

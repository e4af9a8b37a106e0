/**
 * @module Login sessions: created at login, resolved on every /api request (cache first, then one prepared
 * statement), ended by idle time (HUILIU_SESSION_IDLE_MINUTES), by age (HUILIU_SESSION_HOURS) or by revocation.
 * Only a hash of the token is stored. Sessions live in wall-clock time, never the engine's test clock.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db';
import { rawQuery } from '../platform/db/raw';
import { sessions } from './schema';
import { sessionCacheOf } from './session-cache';
import { notifyRevoked } from './session-revocation';
import { SYSTEM_ADMIN_ROLES } from './separation';
import type { SessionPolicy, SessionUser } from './types';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** last_seen_at is written at most this often per session: a request a second must not mean a write a second. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: DbOrTx,
  userId: string,
  token: string,
  now: Date,
  policy: SessionPolicy,
) {
  const expiresAt = new Date(now.getTime() + policy.hours * 3600_000);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, expiresAt, lastSeenAt: now, createdAt: now });
  return expiresAt;
}

/** The session lookup's row: the user as requests see them, plus what gates and expires the session. */
interface SessionRow extends Pick<SessionUser, 'id' | 'username' | 'name' | 'unitId' | 'unitName' | 'roles'> {
  expiresAt: Date;
  lastSeenAt: Date;
  mustChange: boolean;
  demo: boolean;
  enrolled: boolean;
}

/** The account flags every request is gated by (docs/api.md "Accounts and first start"). */
export function accountFlags(row: {
  roles: string[];
  mustChange: boolean;
  demo: boolean;
  enrolled: boolean;
}) {
  const admin = row.roles.some((r) => (SYSTEM_ADMIN_ROLES as readonly string[]).includes(r));
  return {
    mustChangePassword: row.mustChange && !row.demo,
    mustEnrolSecondFactor: admin && !row.enrolled && !row.demo,
    secondFactor: row.enrolled,
  };
}

/**
 * The user behind a session token, with unit, roles and account flags, in one statement. Every /api request runs
 * it unless the cache answers, so it is prepared plain SQL rather than the query builder.
 */
export async function findSessionUser(
  db: DbOrTx,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionUser | undefined> {
  const tokenHash = hashToken(token);
  const idleMs = policy.idleMinutes * 60_000;
  const cache = sessionCacheOf(db);
  const cached = cache.get(tokenHash, now.getTime(), idleMs);
  if (cached) {
    if (now.getTime() - cached.lastSeenAt >= TOUCH_EVERY_MS) {
      await touch(db, tokenHash, now);
      cached.lastSeenAt = now.getTime();
    }
    return cached.user;
  }
  const [row] = await rawQuery<SessionRow>(
    db,
    `select u.id, u.username, u.name, u.unit_id as "unitId", n.name as "unitName", s.expires_at as "expiresAt",
       s.last_seen_at as "lastSeenAt", u.must_change_password as "mustChange", u.demo,
       u.totp_secret is not null as enrolled,
       coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
     from sessions s join users u on u.id = s.user_id join units n on n.id = u.unit_id
       left join user_roles r on r.user_id = u.id
     where s.token_hash = $1::text and s.expires_at > $2::timestamptz and s.last_seen_at > $3::timestamptz and u.active
     group by u.id, n.name, s.expires_at, s.last_seen_at`,
    [tokenHash, now.toISOString(), new Date(now.getTime() - idleMs).toISOString()],
    'huiliu_session_user_v2',
  );
  if (!row) return undefined;
  const { expiresAt, lastSeenAt, mustChange, demo, enrolled, ...rest } = row;
  const user: SessionUser = { ...rest, ...accountFlags({ roles: rest.roles, mustChange, demo, enrolled }) };
  let seen = new Date(lastSeenAt);
  if (now.getTime() - seen.getTime() >= TOUCH_EVERY_MS) {
    await touch(db, tokenHash, now);
    seen = now;
  }
  cache.set(tokenHash, user, new Date(expiresAt), seen, now.getTime());
  return user;
}

async function touch(db: DbOrTx, tokenHash: string, now: Date) {
  await rawQuery(
    db,
    'update sessions set last_seen_at = $2::timestamptz where token_hash = $1::text and last_seen_at < $2::timestamptz',
    [tokenHash, now.toISOString()],
    'huiliu_session_touch',
  );
}

/** Logout: this session ends on every process. Returns its user and the revocation's nonce, if it existed. */
export async function endSession(
  db: DbOrTx,
  token: string,
): Promise<{ userId: string; nonce: string } | undefined> {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .returning({ userId: sessions.userId });
  return row && { userId: row.userId, nonce: await notifyRevoked(db, row.userId) };
}

/**
 * Ends every session of a user (disabled, roles changed, password changed or reset), except `keepToken`'s (a user
 * changing their own password stays logged in where they did it). Call inside the act's transaction, then
 * `settleRevocation(db, userId, nonce)` after the commit.
 */
export async function endUserSessions(tx: DbOrTx, userId: string, keepToken?: string): Promise<string> {
  await tx
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), keepToken ? ne(sessions.tokenHash, hashToken(keepToken)) : undefined),
    );
  return notifyRevoked(tx, userId);
}

/** Deletes sessions past their absolute end or idle for longer than the policy; safe to run on several processes. */
export async function purgeExpiredSessions(db: DbOrTx, now: Date, policy: SessionPolicy): Promise<number> {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
    .returning({ h: sessions.tokenHash });
  return rows.length;
}

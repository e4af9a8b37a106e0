/** @module Identity queries: users with roles and unit, sessions. The only module that touches these tables. */
import { createHash } from 'node:crypto';
import { and, eq, ilike, inArray, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db';
import { rawQuery } from '../platform/db/raw';
import { cachedSessionUser, forgetSessions, rememberSessionUser } from './session-cache';
import { sessions, units, userRoles, users } from './schema';
import type { SessionUser } from './types';

export type { SessionUser } from './types';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function findUserForLogin(db: DbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function loadSessionUser(db: DbOrTx, userId: string): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      unitId: users.unitId,
      unitName: units.name,
      active: users.active,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row?.active) return undefined;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  const { active: _active, ...user } = row;
  return { ...user, roles: roles.map((r) => r.role).sort() };
}

export async function createSession(db: DbOrTx, userId: string, token: string, expiresAt: Date) {
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
}

/**
 * The user behind a session token, with unit and roles, in one statement. Every /api request runs it, so it is
 * prepared plain SQL rather than the query builder (whose per-call CPU exceeded the query's own).
 */
export async function findSessionUser(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<SessionUser | undefined> {
  const tokenHash = hashToken(token);
  const cached = cachedSessionUser(tokenHash, now.getTime());
  if (cached) return cached;
  const [row] = await rawQuery<SessionUser & { expiresAt: Date }>(
    db,
    `select u.id, u.username, u.name, u.unit_id as "unitId", n.name as "unitName", s.expires_at as "expiresAt",
       coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
     from sessions s join users u on u.id = s.user_id join units n on n.id = u.unit_id
       left join user_roles r on r.user_id = u.id
     where s.token_hash = $1::text and s.expires_at > $2::timestamptz and u.active
     group by u.id, n.name, s.expires_at`,
    [tokenHash, now.toISOString()],
    'huiliu_session_user',
  );
  if (!row) return undefined;
  const { expiresAt, ...user } = row;
  rememberSessionUser(tokenHash, user, expiresAt, now.getTime());
  return user;
}

export async function deleteSession(db: DbOrTx, token: string) {
  forgetSessions();
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

export async function listUnits(db: DbOrTx, q?: string) {
  const where = q ? or(ilike(units.name, `%${q}%`), ilike(units.id, `%${q}%`)) : undefined;
  return db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(where)
    .orderBy(units.sortOrder, units.name);
}

export async function unitsExist(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: units.id }).from(units).where(inArray(units.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Users holding `role`, optionally in one unit (for notifications such as 催办 to a unit leader). */
export async function usersWithRole(db: DbOrTx, role: string, unitId?: string) {
  return db
    .select({ id: users.id, username: users.username, name: users.name, unitId: users.unitId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), unitId ? eq(users.unitId, unitId) : undefined));
}

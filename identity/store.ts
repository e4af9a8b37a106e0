/** @module Identity queries: users with roles and unit, sessions. The only module that touches these tables. */
import { and, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db';
import { units, userRoles, users } from './schema';
import { accountFlags } from './sessions';
import type { SessionUser } from './types';

export type { SessionUser } from './types';
export {
  createSession,
  endSession,
  endUserSessions,
  findSessionUser,
  hashToken,
  purgeExpiredSessions,
} from './sessions';

/** Usernames are unique case-insensitively (admin-store.ts), so login matches them that way too. */
export async function findUserForLogin(db: DbOrTx, username: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
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
      mustChange: users.mustChangePassword,
      demo: users.demo,
      enrolled: sql<boolean>`${users.totpSecret} is not null`,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row?.active) return undefined;
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  const { active: _active, mustChange, demo, enrolled, ...user } = row;
  const roles = rows.map((r) => r.role).sort();
  return { ...user, roles, ...accountFlags({ roles, mustChange, demo, enrolled }) };
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

/** Whether any demo account (public password) exists: the server then listens on loopback only (docs/api.md). */
export async function demoUsersExist(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.demo, true)).limit(1);
  return rows.length > 0;
}

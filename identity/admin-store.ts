/** @module Identity queries for user administration (list, create, edit, enable, password). Password hashes never leave. */
import { and, count, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db';
import { units, userRoles, users } from './schema';

export interface AdminUserRow {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  unitKind: 'authority' | 'department' | 'town' | 'public-service';
  roles: string[];
  active: boolean;
  /** TOTP enrolled (the security administrator may reset it when the phone is lost). */
  secondFactor: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserFilter {
  unitId?: string;
  role?: string;
  /** Part of the name or username. */
  q?: string;
}

const columns = {
  id: users.id,
  username: users.username,
  name: users.name,
  unitId: users.unitId,
  unitName: units.name,
  unitKind: units.kind,
  roles: sql<
    string[]
  >`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
  active: users.active,
  secondFactor: sql<boolean>`${users.totpSecret} is not null`,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(filter: UserFilter): SQL | undefined {
  const q = filter.q?.trim();
  return and(
    filter.unitId ? eq(users.unitId, filter.unitId) : undefined,
    filter.role
      ? sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${filter.role})`
      : undefined,
    q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.username, `%${escapeLike(q)}%`)) : undefined,
  );
}

export async function listUsersPage(db: DbOrTx, filter: UserFilter, page: number, pageSize: number) {
  const where = whereOf(filter);
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(units.sortOrder, users.username)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: items as AdminUserRow[], total: total?.n ?? 0 };
}

export async function findAdminUser(db: DbOrTx, id: string): Promise<AdminUserRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row as AdminUserRow | undefined;
}

export async function findUnit(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

/** Usernames are compared case-insensitively, as people type them. */
export async function usernameTaken(db: DbOrTx, username: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(sql`lower(${users.username}) = lower(${username})`, exceptId ? ne(users.id, exceptId) : undefined),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertUser(
  db: DbOrTx,
  user: {
    id: string;
    username: string;
    name: string;
    unitId: string;
    passwordHash: string;
    mustChangePassword: boolean;
  },
  roles: string[],
) {
  await db.insert(users).values(user);
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role })));
}

export async function updateUserRow(db: DbOrTx, id: string, patch: { name?: string; unitId?: string }) {
  await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function replaceRoles(db: DbOrTx, userId: string, roles: string[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId, role })));
}

export async function setUserActive(db: DbOrTx, id: string, active: boolean) {
  await db.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, id));
}

/**
 * A password an administrator set: one-time (changed at next login). A demo account given one is no longer on the
 * public demo password, so it loses the demo exemptions and is treated like every other account from then on.
 */
export async function setOneTimePasswordHash(db: DbOrTx, id: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: true, demo: false, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Active holders of a role other than `exceptId` (the county must keep an administrator). */
export async function countOtherActiveWithRole(db: DbOrTx, role: string, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), eq(users.active, true), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

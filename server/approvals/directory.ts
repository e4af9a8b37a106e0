/**
 * @module The people picker's source (转办/委派/加签/抄送): enabled colleagues by unit, role or name, for any signed-in
 * user (an office directory shows names, units and roles, nothing more). At most 50 a query: narrow it.
 */
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { units, userRoles, users } from '../../identity/schema';
import type { DbOrTx } from '../../platform/db/db';

export async function lookUpUsers(db: DbOrTx, q: { unitId?: string; role?: string; q?: string }) {
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      unitId: users.unitId,
      unitName: units.name,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.active, true),
        q.unitId ? eq(users.unitId, q.unitId) : undefined,
        q.role
          ? sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${q.role})`
          : undefined,
        like ? or(ilike(users.username, like), ilike(users.name, like)) : undefined,
      ),
    )
    .orderBy(asc(units.sortOrder), asc(users.username))
    .limit(50);
  const roles =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(userRoles)
          .where(
            inArray(
              userRoles.userId,
              rows.map((r) => r.id),
            ),
          );
  return rows.map(({ id, ...r }) => ({
    ...r,
    roles: roles.filter((x) => x.userId === id).map((x) => x.role),
  }));
}

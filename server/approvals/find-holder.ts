/** @module The person an approval act names (转办/委派 `to`, 抄送 `usernames`): an enabled account, or 422 in Chinese. */
import { eq, inArray } from 'drizzle-orm';
import type { RuntimeUser } from '../../engine/runtime';
import { userRoles, users } from '../../identity/schema';
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';

const unknownUser = (field: string, username: string, disabled: boolean) =>
  new AppError('VALIDATION_FAILED', disabled ? `用户 ${username} 已停用` : `用户 ${username} 不存在`, {
    messageEn: disabled ? `User ${username} is disabled` : `User ${username} does not exist`,
    details: [{ path: field, message: disabled ? '该用户已停用' : '该用户不存在' }],
  });

/** Enabled accounts by username, with unit and roles, in the order asked; any unknown or disabled one → 422. */
export async function findHolders(db: DbOrTx, usernames: string[], field: string): Promise<RuntimeUser[]> {
  const names = [...new Set(usernames)];
  if (names.length === 0) return [];
  const rows = await db
    .select({ id: users.id, username: users.username, unitId: users.unitId, active: users.active })
    .from(users)
    .where(inArray(users.username, names));
  const byName = new Map(rows.map((r) => [r.username, r]));
  for (const n of names) {
    const row = byName.get(n);
    if (!row?.active) throw unknownUser(field, n, row !== undefined);
  }
  const roles = await db
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(
      inArray(
        userRoles.userId,
        rows.map((r) => r.id),
      ),
    );
  return names.map((n) => {
    const row = byName.get(n) as (typeof rows)[number];
    return {
      username: n,
      unitId: row.unitId,
      roles: roles.filter((r) => r.userId === row.id).map((r) => r.role),
    };
  });
}

export async function findHolder(db: DbOrTx, username: string, field = 'to'): Promise<RuntimeUser> {
  const [one] = await findHolders(db, [username], field);
  return one;
}

/** Enabled users holding `role` (in `unitId` when given): what a `role@unit` CC group means. */
export async function usersWithRole(db: DbOrTx, role: string, unitId?: string): Promise<string[]> {
  const rows = await db
    .select({ username: users.username, unitId: users.unitId, active: users.active })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, role));
  return rows.filter((r) => r.active && (!unitId || r.unitId === unitId)).map((r) => r.username);
}

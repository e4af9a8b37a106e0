/**
 * @module User administration commands (security.admin): create, edit, enable/disable, reset a password.
 * Roles are checked against roles.ts, the unit's kind and 三员分立; the county is never left without an active
 * security administrator (the one who can fix accounts). Every act writes its audit row in its own transaction.
 */
import { writeAudit } from '../platform/audit';
import type { Db } from '../platform/db/db';
import { AppError } from '../platform/errors';
import * as store from './admin-store';
import { type Actor, assertRolesFit, createUser, notFound, unitOrThrow } from './create-user';
import { hashPassword } from './password';
import { assertSeparationOfDuties } from './separation';
import { notifyRevoked, settleRevocation } from './session-revocation';
import { endUserSessions } from './sessions';
import { resetSecondFactor } from './totp';

export type { AdminUserRow, UserFilter } from './admin-store';
export { listUsersPage } from './admin-store';
export { type Actor, createUser, type NewUser } from './create-user';

const KEEPER_ROLE = 'security.admin';

/** Refuses a change that would leave no active security administrator (e.g. the last one disabling themselves). */
async function assertKeeperRemains(db: Db, user: store.AdminUserRow) {
  if (!user.roles.includes(KEEPER_ROLE) || !user.active) return;
  if ((await store.countOtherActiveWithRole(db, KEEPER_ROLE, user.id)) > 0) return;
  throw new AppError('CONFLICT', '不能停用或撤销最后一位安全管理员', {
    messageEn: 'The last active security administrator cannot be disabled or lose the role',
  });
}

/** Creates a user in a transaction of its own (the admin route); import calls `createUser` in its own. */
export async function createUserNow(db: Db, input: Parameters<typeof createUser>[1], by: Actor) {
  const created = await db.transaction((tx) => createUser(tx, input, by));
  return { user: (await store.findAdminUser(db, created.id))!, oneTimePassword: created.oneTimePassword };
}

export async function updateUser(
  db: Db,
  id: string,
  patch: { name?: string; unitId?: string; roles?: string[] },
  by: Actor,
): Promise<store.AdminUserRow> {
  const user = await store.findAdminUser(db, id);
  if (!user) throw notFound();
  const unit =
    patch.unitId && patch.unitId !== user.unitId
      ? await unitOrThrow(db, patch.unitId)
      : { name: user.unitName, kind: user.unitKind };
  const roles = patch.roles ? [...new Set(patch.roles)].sort() : user.roles;
  // A unit change re-checks the roles kept: a reviewer moved to a town would otherwise see the whole county.
  assertRolesFit(roles, unit);
  assertSeparationOfDuties(roles);
  if (!roles.includes(KEEPER_ROLE)) await assertKeeperRemains(db, user);
  const rolesChanged = patch.roles !== undefined && roles.join() !== user.roles.join();
  const nonce = await db.transaction(async (tx) => {
    await store.updateUserRow(tx, id, { name: patch.name, unitId: patch.unitId });
    if (patch.roles) await store.replaceRoles(tx, id, roles);
    // Open sessions carry the old unit and roles: every process forgets them (the sessions themselves go on).
    const sent = await notifyRevoked(tx, id);
    const changes = { name: patch.name, unitId: patch.unitId };
    await writeAudit(tx, {
      ...by,
      action: 'user.update',
      target: user.username,
      outcome: 'ok',
      details: changes,
    });
    if (rolesChanged) {
      await writeAudit(tx, {
        ...by,
        action: 'user.roles',
        target: user.username,
        outcome: 'ok',
        details: { before: user.roles, after: roles },
      });
    }
    return sent;
  });
  await settleRevocation(db, id, nonce);
  return (await store.findAdminUser(db, id))!;
}

/** A disabled user cannot log in, and their open sessions end at once on every process. */
export async function setUserEnabled(
  db: Db,
  id: string,
  active: boolean,
  by: Actor,
): Promise<store.AdminUserRow> {
  const user = await store.findAdminUser(db, id);
  if (!user) throw notFound();
  if (!active) await assertKeeperRemains(db, user);
  const nonce = await db.transaction(async (tx) => {
    await store.setUserActive(tx, id, active);
    const sent = active ? undefined : await endUserSessions(tx, id);
    await writeAudit(tx, {
      ...by,
      action: active ? 'user.enable' : 'user.disable',
      target: user.username,
      outcome: 'ok',
    });
    return sent;
  });
  await settleRevocation(db, id, nonce);
  return (await store.findAdminUser(db, id))!;
}

/** Removes the user's second factor (lost phone and codes); they enrol again at their next login. */
export async function resetUserSecondFactor(db: Db, id: string, by: Actor): Promise<void> {
  const user = await store.findAdminUser(db, id);
  if (!user) throw notFound();
  await resetSecondFactor(db, user, by);
}

/** Sets a one-time password chosen by the administrator (demo exemption ends); sessions with the old one end. */
export async function resetUserPassword(db: Db, id: string, password: string, by: Actor): Promise<void> {
  const user = await store.findAdminUser(db, id);
  if (!user) throw notFound();
  const hash = await hashPassword(password);
  const nonce = await db.transaction(async (tx) => {
    await store.setOneTimePasswordHash(tx, id, hash);
    const sent = await endUserSessions(tx, id);
    await writeAudit(tx, { ...by, action: 'user.password-reset', target: user.username, outcome: 'ok' });
    return sent;
  });
  await settleRevocation(db, id, nonce);
}

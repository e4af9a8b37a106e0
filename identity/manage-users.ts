/**
 * @module User administration commands (authority.admin): create, edit, enable/disable, reset a password.
 * Roles are checked against roles.ts and the unit's kind; the county is never left without an active administrator.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../platform/errors';
import type { Db } from '../platform/db/db';
import * as store from './admin-store';
import { hashPassword } from './password';
import { roleIssues } from './role-fit';

export type { AdminUserRow, UserFilter } from './admin-store';
export { listUsersPage } from './admin-store';

const ADMIN_ROLE = 'authority.admin';

const notFound = () => new AppError('NOT_FOUND', '用户不存在', { messageEn: 'User not found' });

async function unitOrThrow(db: Db, unitId: string) {
  const unit = await store.findUnit(db, unitId);
  if (!unit) {
    throw new AppError('BAD_REQUEST', `单位“${unitId}”不存在`, {
      messageEn: `Unit "${unitId}" does not exist`,
      details: [
        { path: '/unitId', message: `单位“${unitId}”不存在`, messageEn: `Unit "${unitId}" does not exist` },
      ],
    });
  }
  return unit;
}

function assertRolesFit(roles: string[], unit: { name: string; kind: store.AdminUserRow['unitKind'] }) {
  const issues = roleIssues(roles, unit.kind);
  if (!issues.length) return;
  throw new AppError('BAD_REQUEST', `角色有误：${issues.map((i) => i.message).join('；')}`, {
    messageEn: `Invalid roles: ${issues.map((i) => i.messageEn).join('; ')}`,
    details: issues.map((i) => ({ path: '/roles', message: i.message, messageEn: i.messageEn })),
  });
}

async function assertUsernameFree(db: Db, username: string) {
  if (await store.usernameTaken(db, username)) {
    throw new AppError('CONFLICT', `用户名“${username}”已被使用`, {
      messageEn: `Username "${username}" is taken`,
    });
  }
}

/** Refuses a change that would leave no active administrator (e.g. the last admin disabling themselves). */
async function assertAdminRemains(db: Db, user: store.AdminUserRow) {
  if (!user.roles.includes(ADMIN_ROLE) || !user.active) return;
  if ((await store.countOtherActiveWithRole(db, ADMIN_ROLE, user.id)) > 0) return;
  throw new AppError('CONFLICT', '不能停用或撤销最后一位流程管理员', {
    messageEn: 'The last active process administrator cannot be disabled or lose the role',
  });
}

export interface NewUser {
  username: string;
  name: string;
  unitId: string;
  roles: string[];
  password: string;
}

export async function createUser(db: Db, input: NewUser): Promise<store.AdminUserRow> {
  const roles = [...new Set(input.roles)].sort();
  assertRolesFit(roles, await unitOrThrow(db, input.unitId));
  await assertUsernameFree(db, input.username);
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.transaction((tx) =>
    store.insertUser(
      tx,
      { id, username: input.username, name: input.name, unitId: input.unitId, passwordHash },
      roles,
    ),
  );
  return (await store.findAdminUser(db, id))!;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: { name?: string; unitId?: string; roles?: string[] },
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
  if (!roles.includes(ADMIN_ROLE)) await assertAdminRemains(db, user);
  await db.transaction(async (tx) => {
    await store.updateUserRow(tx, id, { name: patch.name, unitId: patch.unitId });
    if (patch.roles) await store.replaceRoles(tx, id, roles);
  });
  return (await store.findAdminUser(db, id))!;
}

/** A disabled user cannot log in, and their open sessions end at once. */
export async function setUserEnabled(db: Db, id: string, active: boolean): Promise<store.AdminUserRow> {
  const user = await store.findAdminUser(db, id);
  if (!user) throw notFound();
  if (!active) await assertAdminRemains(db, user);
  await db.transaction(async (tx) => {
    await store.setUserActive(tx, id, active);
    if (!active) await store.deleteSessionsOf(tx, id);
  });
  return (await store.findAdminUser(db, id))!;
}

/** Sets a new password chosen by the administrator; sessions opened with the old one end. */
export async function resetUserPassword(db: Db, id: string, password: string): Promise<void> {
  const user = await store.findAdminUser(db, id);
  if (!user) throw notFound();
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await store.setPasswordHash(tx, id, hash);
    await store.deleteSessionsOf(tx, id);
  });
}

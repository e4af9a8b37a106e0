/**
 * @module createUser: the one way an account comes to be (administrator, Excel import, `admin create` CLI). It
 * runs in the caller's transaction, checks unit, roles (kind and 三员分立) and username, and starts the account
 * with a one-time password (given, or generated) that must be changed at first login.
 */
import { randomUUID } from 'node:crypto';
import { writeAudit } from '../platform/audit';
import type { DbOrTx } from '../platform/db/db';
import { AppError } from '../platform/errors';
import * as store from './admin-store';
import { generateOneTimePassword } from './one-time-password';
import { hashPassword } from './password';
import { roleIssues } from './role-fit';
import { assertUnitActive } from './units';
import { assertSeparationOfDuties } from './separation';

/** Who acts, for the audit log: a username (null for the CLI or the system) and the client's address. */
export interface Actor {
  actor: string | null;
  ip?: string | null;
}

export interface NewUser {
  username: string;
  name: string;
  unitId: string;
  roles: string[];
  /** Chosen by the administrator; generated when absent. Either way it is one-time. */
  oneTimePassword?: string;
}

export const notFound = () => new AppError('NOT_FOUND', '用户不存在', { messageEn: 'User not found' });

export async function unitOrThrow(db: DbOrTx, unitId: string) {
  const unit = await store.findUnit(db, unitId);
  if (!unit) {
    throw new AppError('BAD_REQUEST', `单位“${unitId}”不存在`, {
      messageEn: `Unit "${unitId}" does not exist`,
      details: [
        { path: '/unitId', message: `单位“${unitId}”不存在`, messageEn: `Unit "${unitId}" does not exist` },
      ],
    });
  }
  // An inactive unit keeps its users but takes no new ones (docs/api.md "Units").
  await assertUnitActive(db, unitId, 'user');
  return unit;
}

export function assertRolesFit(
  roles: string[],
  unit: { name: string; kind: store.AdminUserRow['unitKind'] },
) {
  const issues = roleIssues(roles, unit.kind);
  if (!issues.length) return;
  throw new AppError('BAD_REQUEST', `角色有误：${issues.map((i) => i.message).join('；')}`, {
    messageEn: `Invalid roles: ${issues.map((i) => i.messageEn).join('; ')}`,
    details: issues.map((i) => ({ path: '/roles', message: i.message, messageEn: i.messageEn })),
  });
}

/**
 * Creates the account in `tx` and returns its id and one-time password (show it once; only its hash is kept).
 * Writes `user.create` to the audit log when `by` is given.
 */
export async function createUser(
  tx: DbOrTx,
  input: NewUser,
  by?: Actor,
): Promise<{ id: string; username: string; oneTimePassword: string }> {
  const roles = [...new Set(input.roles)].sort();
  assertRolesFit(roles, await unitOrThrow(tx, input.unitId));
  assertSeparationOfDuties(roles);
  if (await store.usernameTaken(tx, input.username)) {
    throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`, {
      messageEn: `Username "${input.username}" is taken`,
    });
  }
  const id = randomUUID();
  const oneTimePassword = input.oneTimePassword ?? generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await store.insertUser(
    tx,
    {
      id,
      username: input.username,
      name: input.name,
      unitId: input.unitId,
      passwordHash,
      mustChangePassword: true,
    },
    roles,
  );
  if (by) {
    await writeAudit(tx, {
      ...by,
      action: 'user.create',
      target: input.username,
      outcome: 'ok',
      details: { unitId: input.unitId, roles },
    });
  }
  return { id, username: input.username, oneTimePassword };
}

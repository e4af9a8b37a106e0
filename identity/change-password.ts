/**
 * @module A user changes their own password (POST /api/me/password): the current one is proved, the new one meets the
 * policy, the one-time flag clears, and every other session of the user ends on every process (whoever else held
 * the account is out); the session that made the change stays.
 */
import { eq } from 'drizzle-orm';
import { writeAudit } from '../platform/audit';
import type { Db } from '../platform/db/db';
import { AppError } from '../platform/errors';
import type { Actor } from './create-user';
import { hashPassword, verifyPassword } from './password';
import { assertPasswordPolicy } from './password-policy';
import { users } from './schema';
import { settleRevocation } from './session-revocation';
import { endUserSessions } from './sessions';

export async function changeOwnPassword(
  db: Db,
  user: { id: string; username: string },
  input: { currentPassword: string; newPassword: string },
  keepToken: string | undefined,
  by: Actor,
): Promise<void> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(input.currentPassword, row.hash))) {
    await writeAudit(db, { ...by, action: 'user.password-change', target: user.username, outcome: 'failed' });
    throw new AppError('BAD_REQUEST', '当前密码不正确', {
      messageEn: 'The current password is wrong',
      details: [
        { path: '/currentPassword', message: '当前密码不正确', messageEn: 'The current password is wrong' },
      ],
    });
  }
  assertPasswordPolicy(input.newPassword, user.username, input.currentPassword);
  const hash = await hashPassword(input.newPassword);
  const nonce = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    const sent = await endUserSessions(tx, user.id, keepToken);
    await writeAudit(tx, { ...by, action: 'user.password-change', target: user.username, outcome: 'ok' });
    return sent;
  });
  await settleRevocation(db, user.id, nonce);
}

/**
 * @module Login: password (scrypt), account lock (lockout.ts), second factor (totp.ts), then a session. Every outcome
 * writes `auth.login` to the audit log in the transaction that records it; a lock writes `auth.lock` too.
 * Unknown usernames cost a password check like known ones, so the answer's timing does not reveal who exists.
 */
import { randomBytes } from 'node:crypto';
import { writeAudit } from '../platform/audit';
import type { Db } from '../platform/db/db';
import { AppError } from '../platform/errors';
import { clearLoginFailures, isLocked, recordLoginFailure } from './lockout';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession } from './sessions';
import { findUserForLogin, loadSessionUser } from './store';
import { verifySecondFactor } from './totp';
import type { SessionPolicy, SessionUser } from './types';

export interface LoginInput {
  username: string;
  password: string;
  /** A 6-digit TOTP code or a recovery code, for accounts with a second factor. */
  code?: string;
}

export interface LoginContext {
  ip: string | null;
  now: Date;
  policy: SessionPolicy;
}

const badCredentials = () =>
  new AppError('UNAUTHENTICATED', '用户名或密码错误', { messageEn: 'Wrong username or password' });

function locked(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`, {
    messageEn: `Too many failed logins: the account is locked, try again in ${minutes} minutes`,
    details: { lockedUntil: until.toISOString() },
  });
}

const codeNeeded = (given: boolean) =>
  given
    ? new AppError(
        'SECOND_FACTOR_REQUIRED',
        '验证码错误或已使用过，请输入验证器上新的 6 位数字或一个未用过的恢复码',
        {
          messageEn: 'Wrong or already used code: enter a new 6-digit code or an unused recovery code',
        },
      )
    : new AppError('SECOND_FACTOR_REQUIRED', '请输入两步验证码（验证器上的 6 位数字）或恢复码', {
        messageEn: 'Enter your second-factor code (6 digits from your authenticator) or a recovery code',
      });

export async function login(
  db: Db,
  input: LoginInput,
  ctx: LoginContext,
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const { now, ip } = ctx;
  const audit = { actor: null, ip, action: 'auth.login', target: input.username };
  const row = await findUserForLogin(db, input.username);
  if (row && isLocked(row, now)) {
    await writeAudit(db, { ...audit, outcome: 'denied', details: { reason: 'locked' } });
    throw locked(row.lockedUntil!, now);
  }
  const passwordOk = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  const code = input.code?.trim() || undefined;

  /** Counts the failure (maybe locking the account) and records it; returns the error to answer. */
  const fail = async (reason: string, error: AppError) => {
    const lockedUntil = await db.transaction(async (tx) => {
      const until = row ? await recordLoginFailure(tx, row.id, now) : undefined;
      await writeAudit(tx, { ...audit, outcome: 'failed', details: { reason } });
      if (until) {
        await writeAudit(tx, {
          actor: null,
          ip,
          action: 'auth.lock',
          target: row!.username,
          outcome: 'ok',
          details: { until: until.toISOString() },
        });
      }
      return until;
    });
    return lockedUntil ? locked(lockedUntil, now) : error;
  };

  if (!row || !passwordOk || !row.active) {
    throw await fail(!row ? 'unknown user' : !passwordOk ? 'wrong password' : 'disabled', badCredentials());
  }
  // The password is right: asking for the code is not a failure (the login page asks for it next).
  if (row.totpSecret && !code) {
    await writeAudit(db, { ...audit, outcome: 'denied', details: { reason: 'second factor required' } });
    throw codeNeeded(false);
  }
  const token = randomBytes(32).toString('base64url');
  const outcome = await db.transaction(async (tx) => {
    if (row.totpSecret) {
      const factor = await verifySecondFactor(tx, { id: row.id, totpSecret: row.totpSecret }, code!, now);
      if (!factor) return undefined;
    }
    await clearLoginFailures(tx, row.id);
    const expiresAt = await createSession(tx, row.id, token, now, ctx.policy);
    await writeAudit(tx, { ...audit, actor: row.username, outcome: 'ok' });
    return { expiresAt };
  });
  if (!outcome) throw await fail('wrong second factor', codeNeeded(true));
  const user = (await loadSessionUser(db, row.id))!;
  return { token, user, expiresAt: outcome.expiresAt };
}

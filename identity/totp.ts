/**
 * @module The second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with otpauth, and ten recovery codes. Enrolment
 * is two steps (a pending secret, confirmed by its first code) so a secret never counts before the person's
 * authenticator shows it. A code is accepted once: the step it matched is remembered and older steps refused, so a
 * code seen over someone's shoulder cannot be replayed within its window. Recovery codes are stored hashed, used once.
 */
import { createHash, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { writeAudit } from '../platform/audit';
import type { Db, DbOrTx } from '../platform/db/db';
import { rawQuery } from '../platform/db/raw';
import { AppError } from '../platform/errors';
import type { Actor } from './create-user';
import { recoveryCodes, users } from './schema';
import { notifyRevoked, settleRevocation } from './session-revocation';
import { endUserSessions } from './sessions';
import { openSecret, sealSecret } from './totp-secret';

const ISSUER = '汇流 huiliu';
const PERIOD = 30;
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const totpOf = (secretBase32: string, username: string) =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });

/** The 30-second step `code` belongs to (now's, or one either side for clock drift), or undefined. */
function matchingStep(secretBase32: string, code: string, now: Date): number | undefined {
  const delta = totpOf(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const hashRecovery = (code: string) => createHash('sha256').update(normaliseRecovery(code)).digest('hex');

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const alreadyEnrolled = () =>
  new AppError('CONFLICT', '已启用两步验证', { messageEn: 'The second factor is already enrolled' });

/** POST /api/me/totp: a new pending secret (replacing an unconfirmed one) and its otpauth:// URL for the QR code. */
export async function startTotpEnrolment(db: Db, user: { id: string; username: string }) {
  const [row] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id));
  if (row?.secret) throw alreadyEnrolled();
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db
    .update(users)
    .set({ totpPendingSecret: sealSecret(secret) })
    .where(eq(users.id, user.id));
  return { secret, otpauthUrl: totpOf(secret, user.username).toString() };
}

/** POST /api/me/totp/confirm: the first code proves the authenticator holds the secret; answers the recovery codes once. */
export async function confirmTotpEnrolment(
  db: Db,
  user: { id: string; username: string },
  code: string,
  now: Date,
  by: Actor,
): Promise<string[]> {
  const [row] = await db
    .select({ secret: users.totpSecret, pending: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, user.id));
  if (row?.secret) throw alreadyEnrolled();
  if (!row?.pending) {
    throw new AppError('CONFLICT', '请先开始绑定两步验证', { messageEn: 'Start the enrolment first' });
  }
  const secret = openSecret(row.pending);
  const step = /^\d{6}$/.test(code.trim()) ? matchingStep(secret, code.trim(), now) : undefined;
  if (step === undefined) {
    throw new AppError('BAD_REQUEST', '验证码不正确，请输入验证器当前显示的 6 位数字', {
      messageEn: 'Wrong code: enter the 6 digits your authenticator shows now',
      details: [{ path: '/code', message: '验证码不正确', messageEn: 'Wrong code' }],
    });
  }
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  const nonce = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: row.pending, totpPendingSecret: null, totpLastStep: step })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, codeHash: hashRecovery(c) })));
    const sent = await notifyRevoked(tx, user.id); // the cached "must enrol" flag is stale on every process
    await writeAudit(tx, { ...by, action: 'user.totp-enrol', target: user.username, outcome: 'ok' });
    return sent;
  });
  await settleRevocation(db, user.id, nonce);
  return codes;
}

/**
 * Checks a login's second factor inside the login's transaction: a 6-digit TOTP code not older than the last one
 * accepted, or an unused recovery code. Each acceptance is one conditional UPDATE, so two logins racing with the same
 * code cannot both win.
 */
export async function verifySecondFactor(
  tx: DbOrTx,
  user: { id: string; totpSecret: string },
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | undefined> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = matchingStep(openSecret(user.totpSecret), trimmed, now);
    if (step === undefined) return undefined;
    const won = await rawQuery(
      tx,
      `update users set totp_last_step = $2::integer
       where id = $1::text and (totp_last_step is null or totp_last_step < $2::integer) returning id`,
      [user.id, step],
    );
    return won.length ? 'totp' : undefined;
  }
  const used = await rawQuery(
    tx,
    `update recovery_codes set used_at = $3::timestamptz
     where user_id = $1::text and code_hash = $2::text and used_at is null returning user_id`,
    [user.id, hashRecovery(trimmed), now.toISOString()],
  );
  return used.length ? 'recovery' : undefined;
}

/**
 * The security administrator removes a user's second factor (phone and recovery codes lost): the secret and codes
 * go, the user's sessions end, and an administrator must enrol again at the next login.
 */
export async function resetSecondFactor(
  db: Db,
  user: { id: string; username: string },
  by: Actor,
): Promise<void> {
  const nonce = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    const sent = await endUserSessions(tx, user.id);
    await writeAudit(tx, { ...by, action: 'user.totp-reset', target: user.username, outcome: 'ok' });
    return sent;
  });
  await settleRevocation(db, user.id, nonce);
}

/**
 * @module Login failures and the account lock, in the users row so every server process sees the same counts:
 * 5 failures within 15 minutes lock the account for 15 minutes (docs/api.md). Each failure is one UPDATE under the row's
 * lock, so failures spread over several processes still add up.
 */
import type { DbOrTx } from '../platform/db/db';
import { rawQuery } from '../platform/db/raw';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

/** Counts a failure; returns the lock's end when this failure locked the account. */
export async function recordLoginFailure(tx: DbOrTx, userId: string, now: Date): Promise<Date | undefined> {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000).toISOString();
  const [row] = await rawQuery<{ failedLogins: number }>(
    tx,
    `update users set
       failed_logins = case when failed_since > $3::timestamptz then failed_logins + 1 else 1 end,
       failed_since = case when failed_since > $3::timestamptz then failed_since else $2::timestamptz end
     where id = $1::text returning failed_logins as "failedLogins"`,
    [userId, now.toISOString(), windowStart],
  );
  if (!row || row.failedLogins < MAX_FAILURES) return undefined;
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  // The count starts afresh after the lock: 5 more failures lock it again.
  await rawQuery(
    tx,
    'update users set locked_until = $2::timestamptz, failed_logins = 0, failed_since = null where id = $1::text',
    [userId, until.toISOString()],
  );
  return until;
}

export async function clearLoginFailures(tx: DbOrTx, userId: string): Promise<void> {
  await rawQuery(
    tx,
    `update users set failed_logins = 0, failed_since = null, locked_until = null
     where id = $1::text and (failed_logins > 0 or locked_until is not null)`,
    [userId],
  );
}

export const isLocked = (row: { lockedUntil: Date | null }, now: Date) =>
  row.lockedUntil !== null && row.lockedUntil.getTime() > now.getTime();

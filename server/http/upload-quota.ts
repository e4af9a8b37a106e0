/**
 * @module The daily upload quota per user (HUILIU_UPLOAD_QUOTA_MB, default 200 MB per China day): one account
 * cannot fill the database with attachments. Counted from the stored rows, so it holds across server processes
 * and restarts; two uploads racing at the very limit may both pass, which a daily cap tolerates.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { attachments } from '../../forms';

export const DEFAULT_UPLOAD_QUOTA_MB = 200;

/** 00:00 China time of the day `now` falls on. */
export function startOfChinaDay(now: Date): Date {
  const chinaMidnight = Math.floor((now.getTime() + 8 * 3600_000) / 86_400_000) * 86_400_000;
  return new Date(chinaMidnight - 8 * 3600_000);
}

export async function bytesUploadedToday(db: DbOrTx, username: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ used: sql<string | null>`sum(${attachments.size})` })
    .from(attachments)
    .where(and(eq(attachments.ownerUsername, username), gte(attachments.createdAt, startOfChinaDay(now))));
  return Number(row?.used ?? 0);
}

/** Throws 429 when `size` more bytes would pass the user's quota for today. */
export async function assertUploadQuota(
  db: DbOrTx,
  username: string,
  size: number,
  quotaMb: number = DEFAULT_UPLOAD_QUOTA_MB,
  now: Date = new Date(),
): Promise<void> {
  // A mistyped HUILIU_UPLOAD_QUOTA_MB (not a positive number) falls back to the default rather than refusing all.
  const limitMb = Number.isFinite(quotaMb) && quotaMb > 0 ? quotaMb : DEFAULT_UPLOAD_QUOTA_MB;
  const used = await bytesUploadedToday(db, username, now);
  if (used + size <= limitMb * 1024 * 1024) return;
  const usedMb = (used / 1024 / 1024).toFixed(1);
  throw new AppError(
    'RATE_LIMITED',
    `今日上传已达上限（每人每天 ${limitMb} MB，已用 ${usedMb} MB），请明天再试`,
    {
      messageEn: `Daily upload quota reached (${limitMb} MB per user per day, ${usedMb} MB used); try again tomorrow`,
    },
  );
}

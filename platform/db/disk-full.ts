/**
 * @module Recognises "the disk is full" among database errors: SQLSTATE 53100 (disk_full), which PostgreSQL and PGlite
 * both raise when a data file cannot grow ("could not extend file …: No space left on device"), and ENOSPC from the
 * file system beneath PGlite. The transaction rolled back, the database stays usable for reads, and writes work again
 * once space is freed: so the edge answers 507 STORAGE_FULL (docs/api.md, Operations) instead of a 500 for a bug.
 */

export const STORAGE_FULL = {
  code: 'STORAGE_FULL',
  zh: '服务器磁盘空间已满，本次操作未保存。请联系系统管理员清理磁盘后重试',
  en: 'The server’s disk is full; this change was not saved. Ask the administrator to free disk space, then try again',
} as const;

const MESSAGE = /No space left on device|ENOSPC/i;

/** True when `err` (or an error it wraps: drizzle wraps driver errors as `cause`) says the disk is full. */
export function isDiskFull(err: unknown): boolean {
  for (let cur: unknown = err, depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    if (code === '53100' || code === 'ENOSPC') return true;
    if (typeof message === 'string' && MESSAGE.test(message)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** The error the request log line carries: says in both languages what happened; the driver's error (the file, the
 * device) follows as its cause. */
export function diskFullFailure(err: unknown): Error {
  return new Error('数据库磁盘空间已满，写入被拒绝 / database disk full, write refused', { cause: err });
}

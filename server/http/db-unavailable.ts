/**
 * @module Recognises "the database is not there" (PostgreSQL restarting, network cut, too many connections) among
 * the errors a request can end with, so the edge answers 503 DATABASE_UNAVAILABLE instead of a 500 for a bug.
 */

// Class 08 connection exceptions, 57P01..57P03 (admin shutdown, crash shutdown, cannot connect now), 53300 too many
// connections: all mean "try again shortly", none means the request was wrong.
const PG_CODES = /^(08...|57P0[1-3]|53300)$/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// node-postgres raises these as plain Errors without a code.
const MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end',
];

export const DATABASE_UNAVAILABLE = {
  code: 'DATABASE_UNAVAILABLE',
  zh: '数据库暂时不可用，请稍后重试',
  en: 'The database is temporarily unavailable; try again shortly',
} as const;

/** True when `err` (or an error it wraps: drizzle wraps driver errors as `cause`) is a lost or refused connection. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let cur: unknown = err, depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (PG_CODES.test(code) || NODE_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.some((m) => message.includes(m))) return true;
    const errors = (cur as { errors?: unknown }).errors;
    // AggregateError (connecting to localhost tries ::1 and 127.0.0.1)
    if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e))) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

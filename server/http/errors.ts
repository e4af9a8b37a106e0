/** @module The one place where failures become HTTP: AppError codes → status, docs/api.md's error shape, no stack traces to clients. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppErrorCode, isAppError } from '../../platform/errors';
import { diskFullFailure, isDiskFull, STORAGE_FULL } from '../../platform/db/disk-full';
import { auditDenied } from './audit-denied';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './db-unavailable';
import { type Lang, langOf, type MessageKey, msg } from './i18n';

const STATUS: Record<AppErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  BPMN_INVALID: 400,
  DMN_INVALID: 400,
  FORM_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  WEAK_PASSWORD: 422,
  PASSWORD_CHANGE_REQUIRED: 403,
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  SECOND_FACTOR_REQUIRED: 401,
  ACCOUNT_LOCKED: 423,
  SEPARATION_OF_DUTIES: 409,
  IMPORT_INVALID: 422,
  INTERNAL: 500,
};

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, key: MessageKey, details?: unknown) {
  return c.json(errorBody(code, msg(key, langOf(c)), details), status);
}

/** Localises `details` entries that carry both languages ({message, messageEn}). */
function localiseDetails(details: unknown, lang: Lang): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) => {
    if (d && typeof d === 'object' && 'messageEn' in d) {
      const { messageEn, ...rest } = d as { message?: string; messageEn?: string };
      return lang === 'en' ? { ...rest, message: messageEn } : rest;
    }
    return d;
  });
}

export async function onError(err: Error, c: Context) {
  const lang = langOf(c);
  if (isAppError(err)) {
    // Every refusal (any code answered 403) is visible to the auditors (docs/api.md "Audit log"), whichever route refused.
    if (STATUS[err.code] === 403) await auditDenied(c as never, err);
    return c.json(
      errorBody(err.code, lang === 'en' ? err.messageEn : err.message, localiseDetails(err.details, lang)),
      STATUS[err.code],
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 413) return errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE');
    if (status === 400 && /json/i.test(err.message)) return errorResponse(c, 400, 'BAD_REQUEST', 'MALFORMED_JSON');
    if (status === 401) return errorResponse(c, 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED');
    if (status === 404) return errorResponse(c, 404, 'NOT_FOUND', 'NOT_FOUND');
    if (status < 500) return errorResponse(c, status, 'BAD_REQUEST', 'BAD_REQUEST');
  }
  // PostgreSQL restarting or unreachable: not a bug, the client may retry (the transaction rolled back).
  if (isDatabaseUnavailable(err)) {
    c.header('retry-after', '2');
    return c.json(errorBody(DATABASE_UNAVAILABLE.code, lang === 'en' ? DATABASE_UNAVAILABLE.en : DATABASE_UNAVAILABLE.zh), 503);
  }
  // The disk under the database is full (SQLSTATE 53100): the transaction rolled back; reads go on, and writes work
  // again once space is freed. Logged as a failure so the operator sees it, with request id.
  if (isDiskFull(err)) {
    c.set('failure', diskFullFailure(err));
    return c.json(errorBody(STORAGE_FULL.code, lang === 'en' ? STORAGE_FULL.en : STORAGE_FULL.zh), 507);
  }
  // A bug: the request log line (server/http/request-context.ts) writes it once, with stack and request id.
  c.set('failure', err);
  return errorResponse(c, 500, 'INTERNAL', 'INTERNAL');
}

/** @module AppError: the one error type for expected failures that cross a boundary; mapped to HTTP only at the edge. */

/** Stable upper-case codes from docs/api.md; the server maps each to one HTTP status. */
export type AppErrorCode =
  | 'VALIDATION_FAILED' // 422: data fails a form's JSON Schema
  | 'BAD_REQUEST' // 400: malformed request
  | 'BPMN_INVALID' // 400: a diagram with problems, details per element
  | 'DMN_INVALID' // 400: a decision file with problems, details per decision and rule
  | 'FORM_INVALID' // 400: a form schema that is not valid JSON Schema
  | 'UNAUTHENTICATED' // 401
  | 'FORBIDDEN' // 403
  | 'NOT_FOUND' // 404 (also for what exists but the caller may not see)
  | 'CONFLICT' // 409: state conflict, version race lost, task already completed
  | 'PAYLOAD_TOO_LARGE' // 413
  | 'RATE_LIMITED' // 429
  | 'WEAK_PASSWORD' // 422: a new password fails the policy (which rule, in the message)
  | 'PASSWORD_CHANGE_REQUIRED' // 403: one-time password still in use
  | 'SECOND_FACTOR_ENROLMENT_REQUIRED' // 403: an administrator has not enrolled TOTP yet
  | 'SECOND_FACTOR_REQUIRED' // 401: login needs a valid TOTP or recovery code
  | 'ACCOUNT_LOCKED' // 423: too many failed logins
  | 'SEPARATION_OF_DUTIES' // 409: 三员分立
  | 'IMPORT_INVALID' // 422: a workbook with bad cells; details = the import report (nothing written)
  | 'INTERNAL'; // 500

export interface AppErrorOptions {
  /** English message; the Chinese one is the primary `message`. */
  messageEn?: string;
  details?: unknown;
  cause?: unknown;
}

/** Thrown for expected failures (not found, conflict, forbidden); bugs throw plain Errors. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageEn: string;
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageEn = options.messageEn ?? message;
    this.details = options.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

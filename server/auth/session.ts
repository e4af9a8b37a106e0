/**
 * @module Session tokens: a Bearer header or the HttpOnly cookie, resolved to the user on every /api request, and
 * the account gates of docs/api.md: a one-time password must be changed, and an administrator must enrol a second
 * factor, before any other route answers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../platform/errors';
import type { AppEnv } from '../http/env';
import { findSessionUser } from '../../identity/store';
import type { SessionPolicy } from '../../identity/types';
import type { AppConfig } from '../deps';

export const SESSION_COOKIE = 'huiliu_session';

/** Routes reachable without a session. */
const PUBLIC = new Set(['/api/auth/login', '/api/openapi.json', '/api/docs']);

/** What a user with a one-time password may still do (docs/api.md). */
const OPEN_WHILE_CHANGE_REQUIRED = new Set(['GET /api/me', 'POST /api/me/password', 'POST /api/auth/logout']);
/** What an administrator without a second factor may still do: enrol it (and change the password, log out). */
const OPEN_WHILE_ENROLMENT_REQUIRED = new Set([
  ...OPEN_WHILE_CHANGE_REQUIRED,
  'POST /api/me/totp',
  'POST /api/me/totp/confirm',
]);

/** A mistyped variable (not a positive number) falls back to the default rather than breaking every request. */
const positiveOr = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;

export function sessionPolicy(config: AppConfig): SessionPolicy {
  return {
    idleMinutes: positiveOr(config.sessionIdleMinutes, 30),
    hours: positiveOr(config.sessionHours, 12),
  };
}

export function tokenOf(c: Context): string | undefined {
  const auth = c.req.header('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim() || undefined;
  return getCookie(c, SESSION_COOKIE) || undefined;
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (PUBLIC.has(c.req.path)) return next();
  const token = tokenOf(c);
  const { db, config } = c.get('deps');
  // Sessions live in wall-clock time, not the engine's (test) clock: moving business time must not log people out.
  const user = token ? await findSessionUser(db, token, new Date(), sessionPolicy(config)) : undefined;
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录', { messageEn: 'Please log in' });
  c.set('user', user);
  // Almost every request comes from an account with neither gate: the route key is built only when a gate applies.
  if (!user.mustChangePassword && !user.mustEnrolSecondFactor) return next();
  const route = `${c.req.method} ${c.req.path.replace(/\/+$/, '')}`;
  if (user.mustChangePassword && !OPEN_WHILE_CHANGE_REQUIRED.has(route)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码', {
      messageEn: 'Change your one-time password first',
    });
  }
  if (user.mustEnrolSecondFactor && !OPEN_WHILE_ENROLMENT_REQUIRED.has(route)) {
    throw new AppError('SECOND_FACTOR_ENROLMENT_REQUIRED', '管理员账号请先绑定两步验证', {
      messageEn: 'Administrator accounts must enrol a second factor first',
    });
  }
  return next();
};

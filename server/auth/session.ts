/** @module Session tokens: a Bearer header or the HttpOnly cookie, resolved to the user on every /api request. */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../platform/errors';
import type { AppEnv } from '../http/env';
import { findSessionUser } from '../../identity/store';

export const SESSION_COOKIE = 'huiliu_session';

/** Routes reachable without a session. */
const PUBLIC = new Set(['/api/auth/login', '/api/openapi.json', '/api/docs']);

export function tokenOf(c: Context): string | undefined {
  const auth = c.req.header('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim() || undefined;
  return getCookie(c, SESSION_COOKIE) || undefined;
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (PUBLIC.has(c.req.path)) return next();
  const token = tokenOf(c);
  // Sessions live in wall-clock time, not the engine's (test) clock: moving business time must not log people out.
  const user = token ? await findSessionUser(c.var.deps.db, token, new Date()) : undefined;
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录', { messageEn: 'Please log in' });
  c.set('user', user);
  return next();
};

/**
 * @module Refuses cross-site state-changing requests that ride on the session cookie (CSRF). SameSite=Strict already
 * keeps the cookie off most of them; this is the second lock for browsers or proxies that get SameSite wrong.
 * A request with a Bearer token and no cookie is an API client (a page on another site cannot add that header
 * without a CORS preflight, which we never grant), so it passes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../platform/errors';
import { SESSION_COOKIE } from '../auth/session';
import type { AppEnv } from './env';
import { trustsProxy } from './client-ip';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the browser addressed: the Host header, or the proxy's X-Forwarded-Host when it is trusted. */
function requestHost(c: Context<AppEnv>): string | undefined {
  const forwarded = trustsProxy(c) ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = forwarded || c.req.header('host');
  if (host) return host.toLowerCase();
  try {
    return new URL(c.req.url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Cross-site by the browser's own word: `Origin` naming another host (or `null`, a sandboxed or privacy-stripped
 * origin), else `Sec-Fetch-Site` other than same-origin/none. Neither header: a non-browser client, let through.
 */
export function isCrossSite(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (origin === 'null') return true;
    try {
      return new URL(origin).host.toLowerCase() !== requestHost(c);
    } catch {
      return true;
    }
  }
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

const crossSiteRefused = () =>
  new AppError('FORBIDDEN', '跨站请求被拒绝：请从本系统页面发起操作', {
    messageEn: 'Cross-site request refused: act from this system’s own pages',
  });

export const originCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const hasCookie = getCookie(c, SESSION_COOKIE) !== undefined;
  const hasBearer = /^bearer\s/i.test(c.req.header('authorization') ?? '');
  // An API client with its token and no cookie cannot have been tricked by another site.
  if (hasBearer && !hasCookie) return next();
  // With the cookie: any state change; without it, the login itself (login CSRF plants the attacker's session).
  if (isCrossSite(c)) throw crossSiteRefused();
  return next();
};

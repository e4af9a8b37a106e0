/**
 * @module The client's address and whether the request came over HTTPS, for the audit log, the login limiter and
 * the session cookie. `X-Forwarded-For` and `X-Forwarded-Proto` are believed only with HUILIU_TRUST_PROXY=1:
 * without a proxy in front, anyone could write them and pose as any address (or spread a brute force over many).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './app-env';

/** Behind the county's reverse proxy (nginx, a gateway): the proxy must overwrite X-Forwarded-For, not append to it. */
export function trustsProxy(c: Context<AppEnv>): boolean {
  return c.get('deps')?.config.trustProxy === true;
}

/** The first hop of X-Forwarded-For when the proxy is trusted, else the socket's address ('unknown' in-process). */
export function clientIp(c: Context<AppEnv>): string {
  if (trustsProxy(c)) {
    const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/**
 * Whether the session cookie gets `Secure`: always behind a trusted proxy (it terminates TLS; the hop to us is
 * plain HTTP), and whenever the request itself came over HTTPS.
 */
export function isSecureRequest(c: Context<AppEnv>): boolean {
  if (trustsProxy(c)) return true;
  try {
    return new URL(c.req.url).protocol === 'https:';
  } catch {
    return false;
  }
}

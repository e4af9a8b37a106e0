/**
 * @module GET /metrics for Prometheus: with HUILIU_METRICS_TOKEN it needs that Bearer token; without it only a
 * loopback client may read it (a reverse proxy in front must not expose it: forwarded requests are refused).
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { App } from '../http/env';
import { errorResponse } from '../http/errors';
import type { Metrics } from './metrics';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests: no socket, so not loopback
  }
}

/** Loopback socket and, if a proxy forwarded it, a loopback client behind the proxy too. */
function fromLoopback(c: Context): boolean {
  const socket = remoteAddress(c);
  if (!socket || !LOOPBACK.test(socket)) return false;
  const forwarded = c.req.header('x-forwarded-for');
  return !forwarded || forwarded.split(',').every((a) => LOOPBACK.test(a.trim()));
}

function tokenMatches(c: Context, expected: string): boolean {
  const auth = c.req.header('authorization') ?? '';
  const given = auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function mountMetrics(app: App, metrics: Metrics, token: string | undefined) {
  app.get('/metrics', async (c) => {
    if (token ? !tokenMatches(c, token) : !fromLoopback(c)) {
      return token
        ? errorResponse(c, 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED')
        : errorResponse(c, 403, 'FORBIDDEN', 'FORBIDDEN');
    }
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'content-type': metrics.registry.contentType });
  });
}

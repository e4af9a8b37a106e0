/**
 * @module Per-request bookkeeping in one middleware (kept cheap: it runs on every request): the request id
 * (`X-Request-Id`, taken from the client when well-formed), one JSON log line, and the latency histogram.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type Logger, withoutRedaction } from '../ops/logger';
import type { Metrics } from '../ops/metrics';

/** What a proxy or a client may send as its request id: short, printable, no spaces or quotes. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

declare module 'hono' {
  interface ContextVariableMap {
    reqId: string;
    /** Set by the error handler so the request line can name the failure. */
    failure: Error;
  }
}

/**
 * The route pattern that answered (`/api/tasks/:id`), never the raw path: raw paths would make one metric
 * series per task id. The endpoint is the first matched route bound to a method; middleware is bound to ALL.
 */
export function routeOf(c: Context): string {
  let fallback = '';
  for (const r of matchedRoutes(c)) {
    if (r.method !== 'ALL') return r.path;
    fallback = r.path;
  }
  return c.res.status === 404 ? 'unmatched' : fallback || 'unmatched';
}

export function requestContext(log: Logger, metrics: Metrics | undefined): MiddlewareHandler {
  // The request line is built here of safe values only (ops/logger.ts withoutRedaction); a failure's error, which
  // may carry anything, still goes through the redacting logger.
  const lineLog = withoutRedaction(log);
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const reqId = given && WELL_FORMED_ID.test(given) ? given : randomUUID();
    c.set('reqId', reqId);
    // Set before the handler runs, so the response it builds carries it: c.header() on a finished response makes
    // @hono/node-server turn its light response into a full web Response (a stream per request, measured under load).
    c.header('x-request-id', reqId);
    try {
      await next();
    } finally {
      try {
        // A handler's own Response (static files, errors built by hand) did not take the prepared header.
        if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', reqId);
      } catch {
        // a Response with immutable headers: the id is still in the log line
      }
      const ms = performance.now() - started;
      const status = c.res.status;
      const route = routeOf(c);
      metrics?.observeRequest(c.req.method, route, status, ms / 1000);
      // c.get, not c.var: hono builds a fresh object of all variables (Object.fromEntries) on every c.var read.
      const user = (c.get('user' as never) as { username?: string } | undefined)?.username;
      const line = { reqId, user, method: c.req.method, route, status, ms: Math.round(ms * 10) / 10 };
      const failure = c.get('failure');
      if (failure) log.error({ ...line, err: failure }, 'request failed');
      else if (status >= 500) lineLog.warn(line, 'request');
      else lineLog.info(line, 'request');
    }
  };
}

/**
 * @module The request body limit without building a web Request. hono's bodyLimit reads `c.req.raw.body`, which
 * makes @hono/node-server construct a full Request (AbortSignal, ReadableStream over the socket) for every request,
 * GET included: under load that was a tenth of the server's CPU per task completion. A body with a Content-Length is
 * judged by the header (node's parser never delivers more bytes than it announces); a chunked one still goes
 * through hono's counting reader, so the limit holds either way.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';

export function bodyLimit(options: {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}): MiddlewareHandler {
  const counting = honoBodyLimit(options);
  return async (c, next) => {
    const length = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    // HTTP/1.1 off the socket: a request with neither header has no body at all. (A web Request handed to
    // app.request() in-process carries its body without either, so it is counted.)
    const fromSocket = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
    if (fromSocket && length === undefined && !chunked) return next();
    if (fromSocket && length !== undefined && !chunked) {
      if (!/^\d+$/.test(length.trim())) return counting(c, next);
      return Number(length) > options.maxSize ? options.onError(c) : next();
    }
    return counting(c, next);
  };
}

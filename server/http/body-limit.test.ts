/**
 * @module The body limit on a real socket (node's HTTP parser, as in production): by Content-Length without reading,
 * by counting when chunked, and nothing at all for a request without a body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimit } from './body-limit';

describe('bodyLimit over a socket', () => {
  let server: ReturnType<typeof serve>;
  let port = 0;
  const handled: string[] = [];

  beforeAll(async () => {
    const app = new Hono();
    app.use(
      '*',
      bodyLimit({ maxSize: 1000, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE' } }, 413) }),
    );
    app.all('/echo', async (c) => {
      const text = c.req.method === 'GET' ? '' : await c.req.text();
      handled.push(`${c.req.method} ${text.length}`);
      return c.json({ length: text.length });
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** Sends `chunks` (chunked when more than one, else with a Content-Length) and answers status and body. */
  const send = (method: string, chunks: string[]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const one = chunks.length === 1;
      const req = http.request(
        {
          port,
          host: '127.0.0.1',
          method,
          path: '/echo',
          headers: one ? { 'content-length': Buffer.byteLength(chunks[0]) } : {},
        },
        (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      for (const c of chunks) req.write(c);
      req.end();
    });

  it('given a body within the limit, when sent with its length or chunked, then the route reads all of it', async () => {
    expect(await send('POST', ['x'.repeat(1000)])).toEqual({ status: 200, body: '{"length":1000}' });
    expect(await send('POST', ['x'.repeat(500), 'y'.repeat(500)])).toEqual({
      status: 200,
      body: '{"length":1000}',
    });
    expect(await send('GET', [])).toEqual({ status: 200, body: '{"length":0}' });
  });

  it('given a body over the limit, when its Content-Length says so, then 413 and the route never runs', async () => {
    handled.length = 0;
    const r = await send('POST', ['x'.repeat(1001)]);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(handled).toEqual([]);
  });

  it('given a chunked body over the limit, when it is sent, then 413 and the route never runs', async () => {
    handled.length = 0;
    const r = await send('PUT', ['x'.repeat(600), 'y'.repeat(600)]);
    expect(r.status).toBe(413);
    expect(handled).toEqual([]);
  });
});

/** @module The one security-headers middleware answers exactly as hono's secureHeaders() and our CSP did together. */
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { UI_CSP } from './csp';
import { responseHeaders } from './response-headers';

/** What app.ts ran before: secureHeaders() outside, the CSP middleware inside it. */
const cspBefore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', UI_CSP);
};

function appWith(...middleware: MiddlewareHandler[]) {
  const app = new Hono();
  for (const m of middleware) app.use('*', m);
  app.get('/json', (c) => c.json({ ok: true }));
  app.get('/prepared', (c) => {
    c.header('x-request-id', 'r1');
    return c.json({ ok: true }, 201);
  });
  app.get(
    '/own',
    () => new Response('own', { headers: { 'content-type': 'text/plain', 'x-powered-by': 'x' } }),
  );
  app.get(
    '/own-csp',
    () => new Response('doc', { headers: { 'content-security-policy': "default-src 'none'; sandbox" } }),
  );
  app.get('/frame', (c) => c.text('t', 200, { 'x-frame-options': 'DENY' }));
  app.get('/empty', (c) => c.body(null, 204));
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.onError((_err, c) => c.json({ error: 'x' }, 500));
  return app;
}

const headersOf = (res: Response) => [...res.headers.entries()];

describe('responseHeaders', () => {
  const before = appWith(secureHeaders(), cspBefore);
  const now = appWith(responseHeaders);

  it('given each kind of answer, when served, then status and every header are those of secureHeaders() + CSP', async () => {
    for (const path of ['/json', '/prepared', '/own', '/own-csp', '/frame', '/empty', '/fails', '/missing']) {
      const [a, b] = [await before.request(path), await now.request(path)];
      expect(b.status, path).toBe(a.status);
      expect(headersOf(b), path).toEqual(headersOf(a));
    }
  });

  it('given a handler with its own CSP or X-Frame-Options, when served, then its CSP stays and the frame rule is ours', async () => {
    expect((await now.request('/own-csp')).headers.get('content-security-policy')).toBe(
      "default-src 'none'; sandbox",
    );
    const res = await now.request('/frame');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toBe(UI_CSP);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    expect((await now.request('/own')).headers.get('x-powered-by')).toBeNull();
  });
});

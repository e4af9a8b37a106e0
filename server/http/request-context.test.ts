/** @module The request id on every answer: a JSON answer, a handler's own Response, and a failure. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../ops/logger';
import { requestContext } from './request-context';

describe('requestContext', () => {
  const app = new Hono();
  app.use('*', requestContext(silentLogger(), undefined));
  app.get('/json', (c) => c.json({ ok: true }));
  app.get('/own', () => new Response('own', { headers: { 'content-type': 'text/plain' } }));
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.onError((_err, c) => c.json({ error: 'x' }, 500));

  it('given any answer, when it is sent, then it names the request id, taken from the client when well-formed', async () => {
    for (const path of ['/json', '/own', '/fails']) {
      const given = await app.request(path, { headers: { 'x-request-id': 'abc-123' } });
      expect(given.headers.get('x-request-id')).toBe('abc-123');
      const made = await app.request(path, { headers: { 'x-request-id': 'a b' } });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

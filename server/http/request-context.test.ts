/** @module The request id on every answer (a JSON answer, a handler's own Response, a failure) and the request's c.var. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../ops/logger';
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

  it('given variables set before, inside and after the handler, when read through c.var, then each read sees every set so far', async () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    const seen: unknown[] = [];
    const vars = new Hono<{ Variables: { deps: string; user: { username: string } } }>();
    vars.use('*', requestContext(log, undefined));
    vars.use('*', async (c, next) => {
      c.set('deps', 'd1');
      await next();
      seen.push(c.get('user')?.username, c.get('user')?.username);
    });
    vars.get('/who', (c) => {
      seen.push(c.get('deps'), c.get('deps'), c.get('user'));
      c.set('user', { username: 'zhang.san' });
      seen.push(c.get('user').username);
      return c.json({ ok: true });
    });
    vars.get('/fails', () => {
      throw new Error('boom');
    });
    vars.onError((err, c) => {
      c.set('failure', err);
      return c.json({ error: 'x' }, 500);
    });
    await vars.request('/who');
    expect(seen).toEqual(['d1', 'd1', undefined, 'zhang.san', 'zhang.san', 'zhang.san']);
    expect(JSON.parse(lines[0])).toMatchObject({
      user: 'zhang.san',
      route: '/who',
      status: 200,
      msg: 'request',
    });
    await vars.request('/fails');
    expect(JSON.parse(lines[1])).toMatchObject({
      level: 'error',
      route: '/fails',
      status: 500,
      msg: 'request failed',
    });
    expect(JSON.parse(lines[1]).err.message).toBe('boom');
  });
});

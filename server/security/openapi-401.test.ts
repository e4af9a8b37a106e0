/**
 * @module Security (issue #15): every route the API describes answers 401 without a session, except logging in
 * and the docs. Driven by /api/openapi.json itself, so a route added tomorrow is covered without editing this.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const PUBLIC = new Set(['post /api/auth/login', 'get /api/openapi.json', 'get /api/docs']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `{id}` → a value of the right shape for most params (a UUID); the check runs before any lookup anyway. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');

describe.each(testDbKinds())('every documented route without a session, over HTTP on %s', (kind) => {
  let server: TestServer;
  let operations: [string, string][];
  beforeAll(async () => {
    server = await createTestServer(kind);
    const res = await server.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => METHODS.includes(m))
        .map((m): [string, string] => [m, path]),
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('given no cookie and no token, when each operation is called, then 401 in Chinese (login and docs excepted)', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const answered: string[] = [];
    for (const [method, path] of operations) {
      if (PUBLIC.has(`${method} ${path}`)) continue;
      const hasBody = method !== 'get' && method !== 'delete';
      const res = await server.request(concrete(path), {
        method: method.toUpperCase(),
        ...(hasBody ? { json: {} } : {}),
      });
      if (res.status !== 401) answered.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      else expect(((await res.json()) as { error: { message: string } }).error.message).toBe('请先登录');
    }
    expect(answered).toEqual([]);
  });

  it('given a forged or expired token, when a route is called, then 401 too', async () => {
    for (const authorization of ['Bearer not-a-session', 'Bearer ', 'Basic YWRtaW46aHVpbGl1LWRlbW8=']) {
      expect((await server.request('/api/me', { headers: { authorization } })).status, authorization).toBe(
        401,
      );
    }
    expect((await server.request('/api/me', { headers: { cookie: 'huiliu_session=forged' } })).status).toBe(
      401,
    );
  });

  it('given the public operations, when called without a session, then they answer (no 401)', async () => {
    expect((await server.request('/api/docs')).status).toBe(200);
    const login = await server.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'gaj.leader', password: 'huiliu-demo' },
    });
    expect(login.status).toBe(200);
  });
});

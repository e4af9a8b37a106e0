/** @module Login, sessions and the bad-input rules of the foundation, on PGlite and (when configured) PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const post = (json: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof json === 'string' ? json : JSON.stringify(json),
});

describe.each(testDbKinds())('auth and the HTTP edge on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind, { config: { bodyLimitBytes: 64 * 1024 } });
  });
  afterAll(() => server?.close());

  it('logs in a demo user, sets an HttpOnly SameSite=Strict cookie and answers /api/me by cookie and by token', async () => {
    // given the demo user gaj.cataloguer
    // when they log in
    const res = await server.app.request(
      '/api/auth/login',
      post({ username: 'gaj.cataloguer', password: 'huiliu-demo' }),
    );
    // then a token, the user with unit and roles, and a session cookie come back
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: Record<string, unknown> };
    expect(body.user).toMatchObject({
      username: 'gaj.cataloguer',
      unitId: 'gaj',
      unitName: '县公安局',
      roles: ['unit.cataloguer'],
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/huiliu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const byCookie = await server.app.request('/api/me', { headers: { cookie: cookie.split(';')[0] } });
    expect(await byCookie.json()).toMatchObject({ username: 'gaj.cataloguer' });
    const byToken = await server.app.request('/api/me', {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(byToken.status).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same generic 401', async () => {
    const wrong = await server.app.request(
      '/api/auth/login',
      post({ username: 'reviewer', password: 'nope' }),
    );
    const unknown = await server.app.request(
      '/api/auth/login',
      post({ username: 'nobody', password: 'nope' }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [(await wrong.json()) as any, (await unknown.json()) as any];
    expect(a.error).toEqual({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    expect(b.error).toEqual(a.error);
  });

  it('given 5 wrong passwords for one account, when its owner then logs in, then 423 ACCOUNT_LOCKED even for the right password', async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (await server.app.request('/api/auth/login', post({ username: 'governance', password: 'bad' })))
          .status,
      ).toBe(401);
    }
    const fifth = await server.app.request(
      '/api/auth/login',
      post({ username: 'governance', password: 'bad' }),
    );
    expect(fifth.status).toBe(423);
    const blocked = await server.app.request(
      '/api/auth/login',
      post({ username: 'governance', password: 'huiliu-demo' }),
    );
    expect(blocked.status).toBe(423);
    expect(((await blocked.json()) as any).error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringMatching(/账号已锁定，请 1[45] 分钟后再试/),
    });
  });

  it('logs out: the token stops working', async () => {
    const token = await server.login('wjj.leader');
    expect(
      (
        await server.app.request('/api/auth/logout', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(204);
    expect(
      (await server.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
  });

  it('refuses bad input with clear JSON errors: malformed JSON 400, missing field 400 in Chinese or English, oversized 413, unknown route 404, no session 401', async () => {
    const malformed = await server.app.request('/api/auth/login', post('{"username":'));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).error).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请求体不是有效的 JSON',
    });

    const missing = await server.app.request('/api/auth/login', post({ username: 'admin' }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error.details).toEqual([
      { path: '/password', message: '「password」为必填项' },
    ]);
    const missingEn = await server.app.request(
      '/api/auth/login',
      post({ username: 'admin' }, { 'accept-language': 'en' }),
    );
    expect(((await missingEn.json()) as any).error.details[0].message).toBe('password is required');

    const big = await server.app.request(
      '/api/auth/login',
      post({ username: 'x'.repeat(100 * 1024), password: 'p' }),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.code).toBe('PAYLOAD_TOO_LARGE');

    const unknownRoute = await server.request('/api/no-such-thing', { as: 'admin' });
    expect(unknownRoute.status).toBe(404);
    expect(((await unknownRoute.json()) as any).error.code).toBe('NOT_FOUND');

    const anonymous = await server.app.request('/api/me');
    expect(anonymous.status).toBe(401);
  });

  it('publishes OpenAPI 3.1 from the route schemas, and readiness', async () => {
    const doc = (await (await server.app.request('/api/openapi.json')).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/units']),
    );
    expect((await server.app.request('/api/docs')).status).toBe(200);
    expect(await (await server.app.request('/readyz')).json()).toMatchObject({ status: 'ready' });
  });

  it('lists the county units, demo users seeded exactly as docs/api.md', async () => {
    const res = await server.request('/api/units?q=局', { as: 'rsj.feedback' });
    const { items } = (await res.json()) as { items: { id: string; name: string }[] };
    expect(items.map((u) => u.name)).toEqual(
      expect.arrayContaining(['县公安局', '县卫生健康局', '县人力社保局']),
    );
    const me = (await (await server.request('/api/me', { as: 'supervisor' })).json()) as any;
    expect(me).toMatchObject({ unitName: '县大数据发展中心', roles: ['supervisor'] });
  });
});

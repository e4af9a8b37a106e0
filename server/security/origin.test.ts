/**
 * @module Security (issue #15, browser hardening): a state change riding on the session cookie from another site
 * is refused (Origin, else Sec-Fetch-Site); API clients with a Bearer token pass; the cookie is Secure behind a
 * trusted proxy or over HTTPS; X-Forwarded-For is believed only with HUILIU_TRUST_PROXY=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';
import { auditorOf } from './audit-fixtures';

const login = async (
  server: TestServer,
  username: string,
  url = 'http://localhost/api/auth/login',
  headers = {},
) =>
  server.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password: 'huiliu-demo' }),
  });

/** The `huiliu_session=…` pair of a login's Set-Cookie, as a browser would send it back. */
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

describe.each(testDbKinds())('cross-site requests and the session cookie, over HTTP on %s', (kind) => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await createTestServer(kind);
    const res = await login(server, 'gaj.leader');
    expect(res.status).toBe(200);
    cookie = cookieOf(res);
    expect(cookie).toMatch(/^huiliu_session=./);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('given a valid cookie, when another site POSTs with it, then 403 in Chinese; from our own origin it passes', async () => {
    const logout = (headers: Record<string, string>) =>
      server.app.request('http://localhost/api/auth/logout', {
        method: 'POST',
        headers: { cookie, ...headers },
      });
    const refused = await logout({ origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      '跨站请求被拒绝',
    );
    expect((await logout({ origin: 'null' })).status).toBe(403);
    expect((await logout({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await logout({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    // The cookie still works: the refusals did not log the user out.
    expect(
      (
        await server.app.request('http://localhost/api/me', {
          headers: { cookie, origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(200);
    expect((await logout({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status).toBe(204);
  });

  it('given a Bearer token and no cookie, when a cross-origin client POSTs, then it is an API client and passes', async () => {
    const token = await server.login('gaj.leader');
    const res = await server.app.request('http://localhost/api/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: 'https://integrations.example' },
    });
    expect(res.status).toBe(204);
  });

  it('given another site, when it posts a login form (login CSRF), then 403', async () => {
    const res = await login(server, 'gaj.leader', undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('given a cross-site refusal, when the auditor reads the log, then it is a denied http.forbidden row', async () => {
    const auditor = await auditorOf(server);
    const fresh = cookieOf(await login(server, 'wjj.leader'));
    expect(
      (
        await server.app.request('http://localhost/api/auth/logout', {
          method: 'POST',
          headers: { cookie: fresh, origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403);
    const res = await server.request('/api/audit?actor=wjj.leader&action=http.forbidden', { as: auditor });
    const body = (await res.json()) as { items: { target: string; outcome: string }[] };
    expect(body.items[0]).toMatchObject({ target: 'POST /api/auth/logout', outcome: 'denied' });
  });

  it('given no trusted proxy and plain HTTP, when logging in, then the cookie is HttpOnly, SameSite=Strict, not Secure', async () => {
    const set = (await login(server, 'rsj.leader')).headers.get('set-cookie') ?? '';
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).not.toMatch(/Secure/i);
  });

  it('given HTTPS, when logging in, then the cookie is Secure', async () => {
    const set = (await login(server, 'rsj.leader', 'https://localhost/api/auth/login')).headers.get(
      'set-cookie',
    );
    expect(set).toMatch(/;\s*Secure/i);
  });

  it('given no trusted proxy, when a request forges X-Forwarded-For, then the audit row does not believe it', async () => {
    const auditor = await auditorOf(server);
    await server.request('/api/audit', { as: 'rsj.leader', headers: { 'x-forwarded-for': '6.6.6.6' } });
    const res = await server.request('/api/audit?actor=rsj.leader&action=http.forbidden', { as: auditor });
    const [row] = ((await res.json()) as { items: { ip: string }[] }).items;
    expect(row.ip).not.toBe('6.6.6.6');
  });
});

describe('behind a trusted proxy (HUILIU_TRUST_PROXY=1)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer('pglite', { config: { trustProxy: true } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('given the proxy, when logging in over its plain-HTTP hop, then the cookie is Secure', async () => {
    const set = (await login(server, 'gaj.leader')).headers.get('set-cookie');
    expect(set).toMatch(/;\s*Secure/i);
  });

  it('given X-Forwarded-For, when a refusal is audited, then its first hop is the address recorded', async () => {
    const auditor = await auditorOf(server);
    await server.request('/api/audit', {
      as: 'gaj.leader',
      headers: { 'x-forwarded-for': '10.1.2.3, 172.16.0.1' },
    });
    const res = await server.request('/api/audit?actor=gaj.leader&action=http.forbidden', { as: auditor });
    const [row] = ((await res.json()) as { items: { ip: string }[] }).items;
    expect(row.ip).toBe('10.1.2.3');
  });

  it('given X-Forwarded-Host from the proxy, when the browser sends its Origin, then our own host passes', async () => {
    const cookie = cookieOf(await login(server, 'wjj.leader'));
    const res = await server.app.request('http://10.0.0.5:3000/api/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: 'https://huiliu.county.gov.cn', 'x-forwarded-host': 'huiliu.county.gov.cn' },
    });
    expect(res.status).toBe(204);
  });
});

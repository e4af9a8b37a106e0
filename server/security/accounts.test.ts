/**
 * @module Account attacks and rules over HTTP, on PGlite and PostgreSQL: one-time passwords and the policy, brute
 * force locking the account (also across two server instances on one PostgreSQL), revocation honoured by another
 * instance at once, idle and absolute session ends, the second factor (enrolment, replay, recovery codes), 三员分立.
 */
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { purgeExpiredSessions } from '../../identity/store';
import { sessionCacheOf } from '../../identity/session-cache';
import { createTestServer, type TestServer } from '../testing/test-server';
import { call, errorOf, login, rows, tokenOf, twoInstancesOnPostgres } from './accounts-fixtures';

const totp = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });

describe.each(testDbKinds())('accounts on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server?.close());

  /** security.admin creates an account; the answer carries the generated one-time password. */
  async function createAccount(username: string, roles: string[], unitId = 'dsj') {
    const res = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { username, name: `测试${username}`, unitId, roles },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; oneTimePassword: string };
  }

  async function changePassword(token: string, currentPassword: string, newPassword: string) {
    return call(server, token, '/api/me/password', { json: { currentPassword, newPassword } });
  }

  it('given a new account, when it logs in with the one-time password, then only /api/me, the password change and logout answer until it is changed', async () => {
    const { oneTimePassword } = await createAccount('zhang.san', ['unit.cataloguer'], 'gaj');
    expect(oneTimePassword).toMatch(/^\S{14}$/);
    const token = await tokenOf(server, 'zhang.san', oneTimePassword);
    const me = (await (await call(server, token, '/api/me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      username: 'zhang.san',
      mustChangePassword: true,
      mustEnrolSecondFactor: false,
    });
    for (const path of ['/api/tasks', '/api/units', '/api/catalog/entries']) {
      const res = await call(server, token, path);
      expect(res.status, path).toBe(403);
      expect(await errorOf(res)).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    }
  });

  it('given a weak new password, when changed, then 422 WEAK_PASSWORD names the rule; a wrong current password is 400; nothing changes', async () => {
    const { oneTimePassword } = await createAccount('li.si', ['unit.leader'], 'gaj');
    const token = await tokenOf(server, 'li.si', oneTimePassword);
    const cases: [string, RegExp][] = [
      ['Ab1-xyz', /至少需要 10 个字符/],
      ['abcdefghij12', /至少三类/],
      ['Li.Si-2026-Ok', /不能包含用户名/],
      [oneTimePassword, /不能与当前密码相同/],
    ];
    for (const [newPassword, message] of cases) {
      const res = await changePassword(token, oneTimePassword, newPassword);
      expect(res.status, newPassword).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe('WEAK_PASSWORD');
      expect(error.message).toMatch(message);
    }
    const wrong = await changePassword(token, 'not-the-password', 'Strong-Pass-2026');
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).message).toBe('当前密码不正确');
    // still one-time: the refusals changed nothing
    expect(
      ((await (await call(server, token, '/api/me')).json()) as { mustChangePassword: boolean })
        .mustChangePassword,
    ).toBe(true);
    expect((await login(server, 'li.si', oneTimePassword)).status).toBe(200);
  });

  it('given a strong new password, when changed, then 204, the account is free, other sessions end and the one-time password is gone', async () => {
    const { oneTimePassword } = await createAccount('wang.wu', ['unit.rectifier'], 'gaj');
    const here = await tokenOf(server, 'wang.wu', oneTimePassword);
    const elsewhere = await tokenOf(server, 'wang.wu', oneTimePassword);
    expect((await call(server, elsewhere, '/api/me')).status).toBe(200); // cached on this instance
    expect((await changePassword(here, oneTimePassword, 'Wangwu-Gaj-2026')).status).toBe(204);
    expect((await call(server, elsewhere, '/api/me')).status).toBe(401);
    expect((await call(server, here, '/api/tasks')).status).toBe(200);
    expect((await login(server, 'wang.wu', oneTimePassword)).status).toBe(401);
    expect((await login(server, 'wang.wu', 'Wangwu-Gaj-2026')).status).toBe(200);
    const audit = await rows(
      server,
      `select action, outcome from audit_log where target = 'wang.wu' order by at`,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'user.create', outcome: 'ok' },
        { action: 'auth.login', outcome: 'ok' },
        { action: 'user.password-change', outcome: 'ok' },
      ]),
    );
  });

  it('given 5 wrong passwords, when the right one follows, then 423 ACCOUNT_LOCKED; the lock is in the database and ends after 15 minutes', async () => {
    const { oneTimePassword } = await createAccount('zhao.liu', ['unit.feedback'], 'wjj');
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await login(server, 'zhao.liu', `guess-${i}`)).status);
    expect(answers).toEqual([401, 401, 401, 401, 423]);
    const right = await login(server, 'zhao.liu', oneTimePassword);
    expect(right.status).toBe(423);
    expect((await errorOf(right)).code).toBe('ACCOUNT_LOCKED');
    const [row] = await rows<{ lockedUntil: Date }>(
      server,
      `select locked_until as "lockedUntil" from users where username = 'zhao.liu'`,
    );
    const minutes = (new Date(row!.lockedUntil).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const locks = await rows(
      server,
      `select outcome from audit_log where action = 'auth.lock' and target = 'zhao.liu'`,
    );
    expect(locks).toHaveLength(1);
    // fifteen minutes later (moved in the database: sessions and locks run on the wall clock)
    await rows(
      server,
      `update users set locked_until = now() - interval '1 second' where username = 'zhao.liu'`,
    );
    expect((await login(server, 'zhao.liu', oneTimePassword)).status).toBe(200);
  });

  it('given failures spread over time, when older than 15 minutes, then they do not count towards a lock', async () => {
    await createAccount('sun.qi', ['unit.feedback'], 'wjj');
    for (let i = 0; i < 4; i++) expect((await login(server, 'sun.qi', 'wrong')).status).toBe(401);
    await rows(
      server,
      `update users set failed_since = now() - interval '16 minutes' where username = 'sun.qi'`,
    );
    expect((await login(server, 'sun.qi', 'wrong')).status).toBe(401); // the count starts again at 1
    const [row] = await rows<{ n: number }>(
      server,
      `select failed_logins as n from users where username = 'sun.qi'`,
    );
    expect(row!.n).toBe(1);
  });

  it('given an unknown username, when guessed at, then 401 each time and no lock to report', async () => {
    for (let i = 0; i < 6; i++) expect((await login(server, 'nobody.here', 'x')).status).toBe(401);
    const failed = await rows(
      server,
      `select outcome from audit_log where action = 'auth.login' and target = 'nobody.here'`,
    );
    expect(failed).toHaveLength(6);
  });

  it('given a session idle for longer than HUILIU_SESSION_IDLE_MINUTES or past HUILIU_SESSION_HOURS, when used, then 401; the purge deletes both', async () => {
    const idle = await server.login('wjj.leader');
    const old = await tokenOf(server, 'rsj.feedback', 'huiliu-demo');
    expect((await call(server, idle, '/api/me')).status).toBe(200);
    await rows(
      server,
      `update sessions set last_seen_at = now() - interval '31 minutes' where user_id = 'wjj.leader'`,
    );
    await rows(
      server,
      `update sessions set expires_at = now() - interval '1 second' where user_id = 'rsj.feedback'`,
    );
    sessionCacheOf(server.deps.db).clear(); // the 2-second memory would otherwise answer for a moment longer
    expect((await call(server, idle, '/api/me')).status).toBe(401);
    expect((await call(server, old, '/api/me')).status).toBe(401);
    const purged = await purgeExpiredSessions(server.deps.db, new Date(), { idleMinutes: 30, hours: 12 });
    expect(purged).toBeGreaterThanOrEqual(2);
    const left = await rows(server, `select 1 from sessions where user_id in ('wjj.leader', 'rsj.feedback')`);
    expect(left).toHaveLength(0);
  });

  it('given requests within a minute, when served, then last-seen is written at most once a minute', async () => {
    const token = await tokenOf(server, 'gaj.leader', 'huiliu-demo');
    await rows(
      server,
      `update sessions set last_seen_at = now() - interval '5 minutes' where user_id = 'gaj.leader'`,
    );
    sessionCacheOf(server.deps.db).clear();
    expect((await call(server, token, '/api/me')).status).toBe(200);
    const [first] = await rows<{ seen: Date }>(
      server,
      `select max(last_seen_at) as seen from sessions where user_id = 'gaj.leader'`,
    );
    expect(Date.now() - new Date(first!.seen).getTime()).toBeLessThan(10_000);
    await rows(
      server,
      `update sessions set last_seen_at = now() - interval '20 seconds' where user_id = 'gaj.leader'`,
    );
    sessionCacheOf(server.deps.db).clear();
    expect((await call(server, token, '/api/me')).status).toBe(200);
    const [second] = await rows<{ age: number }>(
      server,
      `select extract(epoch from now() - max(last_seen_at))::float as age from sessions where user_id = 'gaj.leader'`,
    );
    expect(second!.age).toBeGreaterThanOrEqual(19); // not rewritten: less than a minute had passed
  });

  it('given an administrator account, when it first logs in, then it must change the password and enrol TOTP before anything else', async () => {
    const { oneTimePassword } = await createAccount('zhou.admin', ['authority.admin']);
    const token = await tokenOf(server, 'zhou.admin', oneTimePassword);
    // enrolment waits for the password change
    expect((await errorOf(await call(server, token, '/api/me/totp', { method: 'POST' }))).code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect((await changePassword(token, oneTimePassword, 'Zhou-Admin-2026')).status).toBe(204);
    expect(await (await call(server, token, '/api/me')).json()).toMatchObject({
      mustChangePassword: false,
      mustEnrolSecondFactor: true,
      secondFactor: false,
    });
    const blocked = await call(server, token, '/api/process-definitions');
    expect(blocked.status).toBe(403);
    expect(await errorOf(blocked)).toEqual({
      code: 'SECOND_FACTOR_ENROLMENT_REQUIRED',
      message: '管理员账号请先绑定两步验证',
    });
    // confirm before start, and a wrong code
    expect((await call(server, token, '/api/me/totp/confirm', { json: { code: '123456' } })).status).toBe(
      409,
    );
    const start = (await (await call(server, token, '/api/me/totp', { method: 'POST' })).json()) as {
      secret: string;
      otpauthUrl: string;
    };
    expect(start.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*zhou\.admin\?.*secret=/);
    const wrong = await call(server, token, '/api/me/totp/confirm', { json: { code: '000000' } });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).message).toMatch(/验证码不正确/);
    const confirm = await call(server, token, '/api/me/totp/confirm', {
      json: { code: totp(start.secret).generate() },
    });
    expect(confirm.status).toBe(200);
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call(server, token, '/api/process-definitions')).status).toBe(200);
    expect((await call(server, token, '/api/me/totp', { method: 'POST' })).status).toBe(409); // no silent re-enrolment
    // stored hashed: no recovery code appears in the table
    const stored = await rows<{ codeHash: string }>(
      server,
      `select code_hash as "codeHash" from recovery_codes r join users u on u.id = r.user_id where u.username = 'zhou.admin'`,
    );
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);

    // login now needs the second factor
    const noCode = await login(server, 'zhou.admin', 'Zhou-Admin-2026');
    expect(noCode.status).toBe(401);
    expect((await errorOf(noCode)).code).toBe('SECOND_FACTOR_REQUIRED');
    const badCode = await login(server, 'zhou.admin', 'Zhou-Admin-2026', '111111');
    expect((await errorOf(badCode)).code).toBe('SECOND_FACTOR_REQUIRED');
    // the confirming code's step is used up: the next step's code works once, and its replay is refused
    const next = totp(start.secret).generate({ timestamp: Date.now() + 30_000 });
    expect((await login(server, 'zhou.admin', 'Zhou-Admin-2026', next)).status).toBe(200);
    const replay = await login(server, 'zhou.admin', 'Zhou-Admin-2026', next);
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).message).toMatch(/已使用过/);
    // a recovery code works once, however it is typed
    expect(
      (await login(server, 'zhou.admin', 'Zhou-Admin-2026', recoveryCodes[3]!.toUpperCase())).status,
    ).toBe(200);
    expect((await login(server, 'zhou.admin', 'Zhou-Admin-2026', recoveryCodes[3]!)).status).toBe(401);
    // a wrong password with a valid code is still a wrong password
    expect((await login(server, 'zhou.admin', 'Wrong-Pass-2026', recoveryCodes[4]!)).status).toBe(401);
    const enrol = await rows(
      server,
      `select outcome from audit_log where action = 'user.totp-enrol' and target = 'zhou.admin'`,
    );
    expect(enrol).toHaveLength(1);
  });

  it('given an administrator who lost phone and codes, when security.admin resets the second factor, then their sessions end and they enrol again', async () => {
    const [row] = await rows<{ id: string }>(server, `select id from users where username = 'zhou.admin'`);
    const reset = `/api/admin/users/${row!.id}/totp/reset`;
    expect((await server.request(reset, { method: 'POST', as: 'admin' })).status).toBe(403);
    expect((await server.request(reset, { method: 'POST', as: 'security' })).status).toBe(204);
    const res = await login(server, 'zhou.admin', 'Zhou-Admin-2026');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: Record<string, unknown> }).user).toMatchObject({
      mustEnrolSecondFactor: true,
      secondFactor: false,
    });
    expect(await rows(server, `select 1 from recovery_codes where user_id = $1`, [row!.id])).toHaveLength(0);
    const audit = await rows(
      server,
      `select actor from audit_log where action = 'user.totp-reset' and target = 'zhou.admin'`,
    );
    expect(audit).toEqual([{ actor: 'security' }]);
  });

  it('given 三员分立, when an account would hold two of security/audit/authority admin, then 409 SEPARATION_OF_DUTIES and nothing is written', async () => {
    const both = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: {
        username: 'two.hats',
        name: '两顶帽子',
        unitId: 'dsj',
        roles: ['security.admin', 'audit.admin'],
      },
    });
    expect(both.status).toBe(409);
    const error = await errorOf(both);
    expect(error.code).toBe('SEPARATION_OF_DUTIES');
    expect(error.message).toBe('三员分立：同一账号不能同时担任“安全管理员”、“审计管理员”');
    expect(await rows(server, `select 1 from users where username = 'two.hats'`)).toHaveLength(0);
    const patch = await server.request('/api/admin/users/admin', {
      method: 'PATCH',
      as: 'security',
      json: { roles: ['authority.admin', 'security.admin'] },
    });
    expect(patch.status).toBe(409);
    expect(await rows(server, `select role from user_roles where user_id = 'admin'`)).toEqual([
      { role: 'authority.admin' },
    ]);
    // and the three roles are for the authority's staff only
    const outside = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { username: 'town.sec', name: '镇安全', unitId: 'cgz', roles: ['security.admin'] },
    });
    expect(outside.status).toBe(400);
    expect((await errorOf(outside)).message).toMatch(/安全管理员.*只能授予大数据主管部门/);
  });

  it('given the demo accounts, when they log in, then they are exempt from the forced change and enrolment, and security/auditor exist', async () => {
    for (const [username, role] of [
      ['admin', 'authority.admin'],
      ['security', 'security.admin'],
      ['auditor', 'audit.admin'],
    ]) {
      const me = (await (await server.request('/api/me', { as: username })).json()) as Record<
        string,
        unknown
      >;
      expect(me).toMatchObject({
        roles: [role],
        mustChangePassword: false,
        mustEnrolSecondFactor: false,
        unitId: 'dsj',
      });
    }
  });

  it('given a reset by security.admin, when the user logs in, then the password is one-time and their sessions ended', async () => {
    const token = await server.login('rsj.cataloguer');
    const res = await server.request('/api/admin/users/rsj.cataloguer/password', {
      method: 'POST',
      as: 'security',
      json: { password: 'Reset-By-Security-1' },
    });
    expect(res.status).toBe(204);
    expect((await call(server, token, '/api/me')).status).toBe(401);
    const fresh = await tokenOf(server, 'rsj.cataloguer', 'Reset-By-Security-1');
    expect((await errorOf(await call(server, fresh, '/api/tasks'))).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = await rows(
      server,
      `select actor from audit_log where action = 'user.password-reset' and target = 'rsj.cataloguer'`,
    );
    expect(audit).toEqual([{ actor: 'security' }]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('accounts across two server instances on one PostgreSQL', () => {
  let two: Awaited<ReturnType<typeof twoInstancesOnPostgres>>;
  beforeAll(async () => {
    two = await twoInstancesOnPostgres();
  });
  afterAll(() => two?.close());

  it('given failures spread over two instances, when the fifth lands, then the account is locked on both', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await login(i % 2 ? two.b : two.a, 'governance', 'bad')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await login(two.a, 'governance', 'huiliu-demo')).status).toBe(423);
    expect((await login(two.b, 'governance', 'huiliu-demo')).status).toBe(423);
  });

  it('given a session both instances have cached, when it is logged out on one, then the other refuses it at once', async () => {
    const token = await tokenOf(two.a, 'wjj.cataloguer', 'huiliu-demo');
    expect((await call(two.b, token, '/api/me')).status).toBe(200);
    expect((await call(two.a, token, '/api/me')).status).toBe(200);
    expect((await call(two.a, token, '/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await call(two.b, token, '/api/me')).status).toBe(401);
  });

  it('given a user disabled or re-roled on one instance, when their session is used on the other, then it is refused or sees the new roles at once', async () => {
    const leader = await tokenOf(two.a, 'gaj.leader', 'huiliu-demo');
    const rectifier = await tokenOf(two.a, 'gaj.rectifier', 'huiliu-demo');
    const security = await tokenOf(two.a, 'security', 'huiliu-demo');
    expect((await call(two.b, leader, '/api/me')).status).toBe(200);
    expect((await call(two.b, rectifier, '/api/me')).status).toBe(200);
    expect(
      (await call(two.a, security, '/api/admin/users/gaj.leader/disable', { method: 'POST' })).status,
    ).toBe(200);
    expect((await call(two.b, leader, '/api/me')).status).toBe(401);
    const patched = await call(two.a, security, '/api/admin/users/gaj.rectifier', {
      method: 'PATCH',
      json: { roles: ['unit.rectifier', 'unit.feedback'] },
    });
    expect(patched.status).toBe(200);
    const me = (await (await call(two.b, rectifier, '/api/me')).json()) as { roles: string[] };
    expect(me.roles).toEqual(['unit.feedback', 'unit.rectifier']);
  });
});

/** @module User administration over HTTP: only security.admin (三员分立), roles checked against units, login follows the account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const login = (server: TestServer, username: string, password: string) =>
  server.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe.each(testDbKinds())('admin users API on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server?.close());

  const newUser = {
    username: 'cgz.cataloguer',
    name: '钱编目',
    unitId: 'cgz',
    roles: ['unit.cataloguer'],
    password: 'chengguan-2026',
  };

  it('is forbidden to everyone but security.admin, the process and audit administrators included', async () => {
    for (const as of ['admin', 'auditor', 'reviewer', 'supervisor', 'gaj.cataloguer']) {
      expect((await server.request('/api/admin/users', { as })).status).toBe(403);
      expect((await server.request('/api/admin/users', { method: 'POST', as, json: newUser })).status).toBe(
        403,
      );
    }
    expect(
      (await server.request('/api/admin/users/admin/disable', { method: 'POST', as: 'governance' })).status,
    ).toBe(403);
    expect((await server.request('/api/admin/roles', { as: 'admin' })).status).toBe(403);
  });

  it('lists users with unit and roles, filtered by unit, role and name, without password hashes', async () => {
    const res = await server.request('/api/admin/users?unitId=gaj&pageSize=100', { as: 'security' });
    const page = (await res.json()) as any;
    expect(page.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'gaj.cataloguer',
      'gaj.leader',
      'gaj.rectifier',
    ]);
    expect(page.items[0]).toMatchObject({ unitName: '县公安局', unitKind: 'department', active: true });
    expect(JSON.stringify(page)).not.toMatch(/scrypt|passwordHash/);
    const leaders = (await (
      await server.request('/api/admin/users?role=unit.leader', { as: 'security' })
    ).json()) as any;
    expect(leaders.items.every((u: { roles: string[] }) => u.roles.includes('unit.leader'))).toBe(true);
    expect(leaders.total).toBe(3);
    const byName = (await (
      await server.request(`/api/admin/users?q=${encodeURIComponent('编目')}`, { as: 'security' })
    ).json()) as any;
    expect(byName.items.map((u: { name: string }) => u.name).sort()).toEqual(['何编目', '周编目', '陈编目']);
  });

  it('refuses an unknown role, a county-wide role outside the authority and an unknown unit with 400 in Chinese', async () => {
    const unknownRole = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { ...newUser, roles: ['unit.boss'] },
    });
    expect(unknownRole.status).toBe(400);
    expect(((await unknownRole.json()) as any).error.message).toBe('角色有误：未知角色“unit.boss”');
    const misplaced = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { ...newUser, roles: ['authority.reviewer'] },
    });
    expect(misplaced.status).toBe(400);
    expect(((await misplaced.json()) as any).error.message).toMatch(/目录审核员.*只能授予大数据主管部门/);
    const unknownUnit = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { ...newUser, unitId: 'nowhere' },
    });
    expect(unknownUnit.status).toBe(400);
    expect(((await unknownUnit.json()) as any).error.message).toBe('单位“nowhere”不存在');
    const en = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { ...newUser, unitId: 'nowhere' },
      headers: { 'accept-language': 'en' },
    });
    expect(((await en.json()) as any).error.message).toBe('Unit "nowhere" does not exist');
    // nothing was created by the refusals
    expect(
      ((await (await server.request('/api/admin/users?unitId=cgz', { as: 'security' })).json()) as any).total,
    ).toBe(0);
  });

  it('creates a user with a one-time password: they log in and must change it first; the same username twice is 409', async () => {
    const created = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: newUser,
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as any;
    expect(user).toMatchObject({
      username: 'cgz.cataloguer',
      unitName: '城关镇',
      roles: ['unit.cataloguer'],
      active: true,
    });
    expect(user.passwordHash).toBeUndefined();
    expect(user.oneTimePassword).toBe('chengguan-2026');
    const res = await login(server, 'cgz.cataloguer', 'chengguan-2026');
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).user).toMatchObject({
      unitId: 'cgz',
      roles: ['unit.cataloguer'],
      mustChangePassword: true,
    });
    const again = await server.request('/api/admin/users', {
      method: 'POST',
      as: 'security',
      json: { ...newUser, username: 'CGZ.Cataloguer' },
    });
    expect(again.status).toBe(409);
  });

  it('edits name, unit and roles, re-checking the kept roles against a new unit', async () => {
    const { items } = (await (
      await server.request('/api/admin/users?q=cgz.cataloguer', { as: 'security' })
    ).json()) as any;
    const id = items[0].id;
    const edited = await server.request(`/api/admin/users/${id}`, {
      method: 'PATCH',
      as: 'security',
      json: { name: '钱编目（城东）', unitId: 'cdjd', roles: ['unit.cataloguer', 'unit.feedback'] },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      name: '钱编目（城东）',
      unitName: '城东街道',
      roles: ['unit.cataloguer', 'unit.feedback'],
    });
    // a reviewer moved to a town would see the whole county: refused, and nothing changes
    const rev = (
      (await (await server.request('/api/admin/users?q=reviewer', { as: 'security' })).json()) as any
    ).items[0];
    const moved = await server.request(`/api/admin/users/${rev.id}`, {
      method: 'PATCH',
      as: 'security',
      json: { unitId: 'cgz' },
    });
    expect(moved.status).toBe(400);
    expect(
      ((await (await server.request('/api/admin/users?q=reviewer', { as: 'security' })).json()) as any)
        .items[0].unitId,
    ).toBe('dsj');
  });

  it('disables a user: their session ends and login is refused; enabling lets them back in', async () => {
    const token = await server.login('wjj.feedback');
    const { items } = (await (
      await server.request('/api/admin/users?q=wjj.feedback', { as: 'security' })
    ).json()) as any;
    const disabled = await server.request(`/api/admin/users/${items[0].id}/disable`, {
      method: 'POST',
      as: 'security',
    });
    expect(((await disabled.json()) as any).active).toBe(false);
    expect(
      (await server.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
    expect((await login(server, 'wjj.feedback', 'huiliu-demo')).status).toBe(401);
    await server.request(`/api/admin/users/${items[0].id}/enable`, { method: 'POST', as: 'security' });
    expect((await login(server, 'wjj.feedback', 'huiliu-demo')).status).toBe(200);
  });

  it('resets a password: the old one stops working, the new one logs in and is one-time', async () => {
    const { items } = (await (
      await server.request('/api/admin/users?q=rsj.leader', { as: 'security' })
    ).json()) as any;
    const short = await server.request(`/api/admin/users/${items[0].id}/password`, {
      method: 'POST',
      as: 'security',
      json: { password: 'short' },
    });
    expect(short.status).toBe(400);
    const res = await server.request(`/api/admin/users/${items[0].id}/password`, {
      method: 'POST',
      as: 'security',
      json: { password: 'new-password-1' },
    });
    expect(res.status).toBe(204);
    expect((await login(server, 'rsj.leader', 'huiliu-demo')).status).toBe(401);
    const fresh = await login(server, 'rsj.leader', 'new-password-1');
    expect(fresh.status).toBe(200);
    const { token } = (await fresh.json()) as any;
    const tasks = await server.app.request('/api/tasks', { headers: { authorization: `Bearer ${token}` } });
    expect(tasks.status).toBe(403);
    expect(((await tasks.json()) as any).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('keeps the last active security administrator: it cannot disable itself or drop the role', async () => {
    const { items } = (await (
      await server.request('/api/admin/users?role=security.admin', { as: 'security' })
    ).json()) as any;
    expect(items).toHaveLength(1);
    const self = await server.request(`/api/admin/users/${items[0].id}/disable`, {
      method: 'POST',
      as: 'security',
    });
    expect(self.status).toBe(409);
    expect(((await self.json()) as any).error.message).toBe('不能停用或撤销最后一位安全管理员');
    const drop = await server.request(`/api/admin/users/${items[0].id}`, {
      method: 'PATCH',
      as: 'security',
      json: { roles: ['supervisor'] },
    });
    expect(drop.status).toBe(409);
    expect(
      (
        await server.request('/api/admin/users/no-such-id', {
          method: 'PATCH',
          as: 'security',
          json: { name: 'x' },
        })
      ).status,
    ).toBe(404);
  });
});

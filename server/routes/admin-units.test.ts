/** @module Units are data over HTTP: list, add, rename, set kind, deactivate (security.admin only); an inactive unit takes no new users or tasks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitRows } from '../../identity/units';
import { catalogEntries } from '../../workflows/catalog/schema';
import { testDbKinds } from '../../platform/db/testing';
import { ensureSecurityAdmin } from '../testing/security-admin';
import { createTestServer, type TestServer } from '../testing/test-server';

describe.each(testDbKinds())('units API on %s', (kind) => {
  let server: TestServer;
  let security: string;
  beforeAll(async () => {
    server = await createTestServer(kind);
    security = await ensureSecurityAdmin(server);
  });
  afterAll(() => server?.close());

  const post = (as: string, json: unknown) =>
    server.request('/api/admin/units', { method: 'POST', as, json });
  const patch = (as: string, id: string, json: unknown) =>
    server.request(`/api/admin/units/${id}`, { method: 'PATCH', as, json });
  const units = async () =>
    ((await (await server.request('/api/units', { as: 'gaj.cataloguer' })).json()) as { items: any[] }).items;

  it('given the demo data, when units are listed, then each has code, kind, active and is flagged as an example except the authority', async () => {
    const items = await units();
    expect(items[0]).toEqual({
      id: 'dsj',
      code: 'dsj',
      name: '县大数据发展中心',
      kind: 'authority',
      active: true,
      example: false,
    });
    expect(items.find((u) => u.id === 'gaj')).toMatchObject({
      code: 'gaj',
      kind: 'department',
      example: true,
    });
  });

  it('given a unit user or the process administrator, when they add or change a unit, then 403', async () => {
    for (const as of ['gaj.cataloguer', 'gaj.leader', 'admin', 'reviewer']) {
      expect((await post(as, { code: 'xyz', name: '县某局', kind: 'department' })).status).toBe(403);
      expect((await patch(as, 'gaj', { name: '公安局' })).status).toBe(403);
    }
  });

  it('given security.admin, when a unit is added, then 201, it is listed last, and the same code in any case is 409', async () => {
    const res = await post(security, { code: 'xzfw', name: '县乡村振兴服务中心', kind: 'public-service' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      id: 'xzfw',
      code: 'xzfw',
      name: '县乡村振兴服务中心',
      kind: 'public-service',
      active: true,
      example: false,
    });
    expect((await units()).at(-1)?.id).toBe('xzfw');
    const dup = await post(security, { code: 'XZFW', name: '另一个单位', kind: 'town' });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as any).error.message).toBe('单位代码“XZFW”已被“县乡村振兴服务中心”使用');
    expect((await post(security, { code: 'xz2', name: '县公安局', kind: 'town' })).status).toBe(409);
  });

  it('given bad input, when a unit is added, then 400 with a Chinese message and nothing is written', async () => {
    const cases: [unknown, RegExp][] = [
      [{ code: '公安', name: '县某局', kind: 'department' }, /单位代码“公安”格式不正确/],
      [{ code: 'ok1', name: '   ', kind: 'department' }, /单位名称不能为空/],
      [{ code: 'ok2', name: '县第二大数据局', kind: 'authority' }, /只有一个大数据主管部门/],
    ];
    for (const [body, message] of cases) {
      const res = await post(security, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.message).toMatch(message);
    }
    expect((await post(security, { code: 'ok3', name: '县某局', kind: 'ministry' })).status).toBe(400);
    expect((await units()).map((u) => u.id)).not.toEqual(expect.arrayContaining(['ok1', 'ok2', 'ok3']));
  });

  it('given security.admin, when a unit is renamed, given another kind, or the authority is deactivated, then 200, 200, 409', async () => {
    const renamed = await patch(security, 'xzfw', { name: '县乡村振兴局', kind: 'department' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: 'xzfw', name: '县乡村振兴局', kind: 'department' });
    const authority = await patch(security, 'dsj', { active: false });
    expect(authority.status).toBe(409);
    expect(((await authority.json()) as any).error.message).toBe('大数据主管部门不能停用');
    expect((await patch(security, 'dsj', { kind: 'department' })).status).toBe(400);
    expect((await patch(security, 'nope', { name: '无' })).status).toBe(404);
  });

  it('given an inactive unit, when a user is created in it, then 409, and reactivated it takes users again', async () => {
    expect((await patch(security, 'cgz', { active: false })).status).toBe(200);
    expect((await units()).find((u) => u.id === 'cgz')).toMatchObject({ active: false });
    const user = {
      username: 'cgz.new',
      name: '钱新',
      unitId: 'cgz',
      roles: ['unit.cataloguer'],
      password: 'Chengguan-2026!x',
    };
    // User administration is moving from authority.admin to security.admin (#12): whichever holds it answers.
    let res = await server.request('/api/admin/users', { method: 'POST', as: security, json: user });
    if (res.status === 403)
      res = await server.request('/api/admin/users', { method: 'POST', as: 'admin', json: user });
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.message).toBe('单位“城关镇”已停用，不能新增或调入用户');
    expect((await patch(security, 'cgz', { active: true })).status).toBe(200);
  });

  it('given an entry of a unit that is then deactivated, when a problem is reported on it, then 409 and no instance starts', async () => {
    const [entry] = await server.deps.db
      .insert(catalogEntries)
      .values({ code: 'XC-HKZ-0001', unitId: 'hkz', resourceName: '河口镇人口', currentVersion: 1 })
      .returning();
    expect((await patch(security, 'hkz', { active: false })).status).toBe(200);
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'wjj.feedback',
      json: {
        processKey: 'data-problem',
        variables: { entryId: entry!.id, problemType: 'error', description: '数据有误', urgent: false },
      },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.message).toBe('单位“河口镇”已停用，不能接收新的任务');
  });

  it('given a problem reported while its source unit was active, when the unit is deactivated before routing, then the routing is an incident naming it', async () => {
    const [entry] = await server.deps.db
      .insert(catalogEntries)
      .values({ code: 'XC-QSX-0001', unitId: 'qsx', resourceName: '青山乡农户信息', currentVersion: 1 })
      .returning();
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'wjj.feedback',
      json: {
        processKey: 'data-problem',
        variables: { entryId: entry!.id, problemType: 'error', description: '数据有误', urgent: false },
      },
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    expect((await patch(security, 'qsx', { active: false })).status).toBe(200);
    // the test server runs no pollers: each clock move runs the due jobs; the routing fails, backs off, then stops
    const clock = (await (await server.request('/api/test/clock', { as: 'admin' })).json()) as {
      now: string;
    };
    for (let minutes = 0; minutes <= 30; minutes += 10) {
      const now = new Date(Date.parse(clock.now) + minutes * 60_000).toISOString();
      expect(
        (await server.request('/api/test/clock', { method: 'PUT', as: 'admin', json: { now } })).status,
      ).toBe(200);
    }
    const instance = (await (
      await server.request(`/api/process-instances/${id}`, { as: 'admin' })
    ).json()) as any;
    expect(instance.incidents.map((i: { message: string }) => i.message)).toEqual([
      expect.stringContaining('单位“青山乡”已停用，不能接收新的任务'),
    ]);
  });

  it('given a unit deactivated, when one of its people starts a process, then 409 and no task reaches the unit', async () => {
    const [entry] = await server.deps.db
      .insert(catalogEntries)
      .values({ code: 'XC-GAJ-0777', unitId: 'gaj', resourceName: '户籍人口', currentVersion: 1 })
      .returning();
    expect((await patch(security, 'rsj', { active: false })).status).toBe(200);
    const res = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'rsj.feedback',
      json: {
        processKey: 'data-problem',
        variables: {
          entryId: entry!.id,
          problemType: 'error',
          description: '数据有误',
          urgent: false,
        },
      },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.message).toBe('单位“县人力社保局”已停用，不能接收新的任务');
    expect((await patch(security, 'rsj', { active: true })).status).toBe(200);
  });
});

describe.each(testDbKinds())('units on a first start without demo data on %s', (kind) => {
  it('given no demo data, when the server starts, then only the authority unit exists (no example units)', async () => {
    const server = await createTestServer(kind, { demo: false });
    try {
      expect(await listUnitRows(server.deps.db)).toEqual([
        { id: 'dsj', code: 'dsj', name: '县大数据发展中心', kind: 'authority', active: true, example: false },
      ]);
    } finally {
      await server.close();
    }
  });
});

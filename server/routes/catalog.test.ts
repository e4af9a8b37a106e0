/** @module The catalog and notification routes over HTTP: county-wide entries, the census by unit, notifications read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../workflows/demo/seed-demo-catalog';
import { sendNotification } from '../../workflows/notifications';
import { testDbKinds } from '../../platform/db/testing';
import { openWorkflowRoutesApp } from './workflow-routes.testing';

describe.each(testDbKinds())('catalog and notification routes on %s', (kind) => {
  let t: Awaited<ReturnType<typeof openWorkflowRoutesApp>>;
  beforeAll(async () => {
    t = await openWorkflowRoutesApp(kind, '2026-11-20T10:00:00+08:00');
    await seedDemoCatalog(t.db, new Date('2026-11-01T10:00:00+08:00'));
  }, 60_000);
  afterAll(() => t?.close());

  it('lists published entries to any unit, paged and searchable, and one entry with its versions', async () => {
    const res = await t.request('/api/catalog/entries?q=xc-gaj&pageSize=1', { as: 'rsj.feedback' }); // code search, case-insensitive
    expect(res.status).toBe(200);
    const page = (await res.json()) as any;
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 1 });
    expect(page.items[0]).toMatchObject({ code: 'XC-GAJ-0001', unitName: '县公安局', currentVersion: 1 });
    expect(page.items[0].openChangeInstanceId).toBeUndefined();
    const one = (await (
      await t.request(`/api/catalog/entries/${page.items[0].id}`, { as: 'gaj.leader' })
    ).json()) as any;
    expect(one.versions).toHaveLength(1);
    expect(one.fields.dataItems[0]).toMatchObject({ name: '公民身份号码', sensitive: true });
    expect(
      (await t.request('/api/catalog/entries/00000000-0000-0000-0000-000000000000', { as: 'gaj.leader' }))
        .status,
    ).toBe(404);
    const wjj = (await (
      await t.request('/api/catalog/entries?unitId=wjj', { as: 'gaj.leader' })
    ).json()) as any;
    expect(wjj.items.map((e: { code: string }) => e.code)).toEqual([
      'XC-WJJ-0001',
      'XC-WJJ-0002',
      'XC-WJJ-0003',
    ]);
  });

  it('lets a cataloguer add and edit their own unit systems only', async () => {
    const created = await t.request('/api/catalog/systems', {
      method: 'POST',
      as: 'rsj.cataloguer',
      json: { name: '社会保险信息系统', description: '参保登记与待遇发放' },
    });
    expect(created.status).toBe(201);
    const sys = (await created.json()) as any;
    expect(sys).toMatchObject({ unitId: 'rsj', name: '社会保险信息系统' });
    expect(
      (
        await t.request('/api/catalog/systems', {
          method: 'POST',
          as: 'rsj.cataloguer',
          json: { name: '社会保险信息系统' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await t.request('/api/catalog/systems', { method: 'POST', as: 'rsj.leader', json: { name: '其他' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.request(`/api/catalog/systems/${sys.id}`, {
          method: 'PUT',
          as: 'gaj.cataloguer',
          json: { name: 'x' },
        })
      ).status,
    ).toBe(403);
    const edited = await t.request(`/api/catalog/systems/${sys.id}`, {
      method: 'PUT',
      as: 'rsj.cataloguer',
      json: { description: '参保、缴费与待遇发放' },
    });
    expect(((await edited.json()) as any).description).toBe('参保、缴费与待遇发放');
    const list = (await (
      await t.request('/api/catalog/systems?unitId=rsj', { as: 'supervisor' })
    ).json()) as any;
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(['社会保险信息系统']);
    const bad = await t.request('/api/catalog/systems', {
      method: 'POST',
      as: 'rsj.cataloguer',
      json: { name: '' },
    });
    expect(bad.status).toBe(400);
  });

  it('shows each user only their notifications and marks them read', async () => {
    await sendNotification(t.db, [{ role: 'unit.leader', unitId: 'gaj' }], {
      title: '催办: 整改逾期',
      kind: 'reminder',
    });
    const mine = (await (await t.request('/api/notifications', { as: 'gaj.leader' })).json()) as any;
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ title: '催办: 整改逾期', kind: 'reminder', readAt: null });
    expect(
      ((await (await t.request('/api/notifications', { as: 'wjj.leader' })).json()) as any).items,
    ).toEqual([]);
    // someone else cannot mark it read
    const other = await t.request('/api/notifications/read', {
      method: 'POST',
      as: 'wjj.leader',
      json: { ids: [mine.items[0].id] },
    });
    expect(((await other.json()) as any).updated).toBe(0);
    const read = await t.request('/api/notifications/read', { method: 'POST', as: 'gaj.leader', json: {} });
    expect(((await read.json()) as any).updated).toBe(1);
    expect(
      ((await (await t.request('/api/notifications?unread=true', { as: 'gaj.leader' })).json()) as any).items,
    ).toEqual([]);
  });
});

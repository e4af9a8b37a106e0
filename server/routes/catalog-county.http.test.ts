/**
 * @module The catalog at county scale over HTTP (#11 items 4–6): paged and filtered lists, `q` by data-item name,
 * 一数一源 same-name items, collections and the update cycle, the stale list and its reminders, and the census.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkdayCalendar } from '../../engine/calendar';
import { userRoles, users } from '../../identity/schema';
import type { TestClock } from '../../platform/clock';
import { testDbKinds } from '../../platform/db/testing';
import { type EntryFields, remindStaleEntries } from '../../workflows/catalog';
import * as store from '../../workflows/catalog/store';
import { entryFields } from '../testing/scenario-http';
import { createTestServer, type TestServer } from '../testing/test-server';

type Body = any;
const asFields = (f: object) => f as EntryFields;
const PUBLISHED = new Date('2026-03-02T10:00:00+08:00'); // a Monday

describe.each(testDbKinds())('catalog at county scale on %s', (kind) => {
  let t: TestServer;
  const clock = () => t.deps.clock as TestClock;
  const get = async (path: string, as: string) => {
    const res = await t.request(path, { as });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const post = async (path: string, as: string, json: unknown) => {
    const res = await t.request(path, { method: 'POST', as, json });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestServer(kind);
    clock().set(new Date('2026-03-02T10:00:00+08:00'));
    // 县公安局: 35 entries carrying 公民身份号码 (every fifth monthly and open, others daily), in two systems
    const sys = await store.insertSystem(t.deps.db, { unitId: 'gaj', name: '人口信息管理系统' });
    const other = await store.insertSystem(t.deps.db, { unitId: 'gaj', name: '交通管理综合应用平台' });
    for (let i = 1; i <= 35; i++) {
      const code = `XC-GAJ-${String(i).padStart(4, '0')}`;
      const fields = asFields(
        entryFields(code, {
          resourceName: i === 7 ? 'Vehicle 登记' : `常住人口信息${i}`,
          updateCycle: i % 5 === 0 ? 'monthly' : 'daily',
          openType: i % 5 === 0 ? 'conditional' : 'forbidden',
          dataItems: [
            { name: '公民身份号码', type: 'string', length: 18, sensitive: true },
            { name: `户籍项${i}`, type: 'string', sensitive: false },
          ],
        }),
      );
      const entry = await store.createEntry(t.deps.db, {
        code,
        unitId: 'gaj',
        systemId: i <= 30 ? sys.id : other.id,
        fields,
        publishedAt: PUBLISHED,
      });
      ids.set(code, entry.id);
    }
    // 县卫生健康局: one entry with an item of the same name, one never due (不定期)
    const wjjSys = await store.insertSystem(t.deps.db, { unitId: 'wjj', name: '全民健康信息平台' });
    for (const [code, cycle, item] of [
      ['XC-WJJ-0001', 'weekly', '公民身份号码'],
      ['XC-WJJ-0002', 'irregular', '出生医学证明编号'],
    ]) {
      const fields = asFields(
        entryFields(code, {
          systemName: '全民健康信息平台',
          resourceName: `健康档案${code.slice(-1)}`,
          updateCycle: cycle,
          shareType: 'unconditional',
          dataItems: [{ name: item, type: 'string', sensitive: true }],
        }),
      );
      const entry = await store.createEntry(t.deps.db, {
        code,
        unitId: 'wjj',
        systemId: wjjSys.id,
        fields,
        publishedAt: PUBLISHED,
      });
      ids.set(code, entry.id);
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('given a filtered list, when page 3 is asked for, then it holds the 21st to 30th entries and the total', async () => {
    // when a reader of another unit searches 县公安局's entries by a data item's name, 10 a page
    const r = await get('/api/catalog/entries?unitId=gaj&q=身份号&page=3&pageSize=10', 'rsj.feedback');
    // then page 3 holds codes 21..30, each with its update cycle and deadline
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 35, page: 3, pageSize: 10 });
    expect(r.body.items.map((e: Body) => e.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => `XC-GAJ-${String(21 + i).padStart(4, '0')}`),
    );
    expect(r.body.items[0]).toMatchObject({
      updateCycle: 'daily',
      lastCollectedAt: null,
      nextCollectionDue: '2026-03-03T15:59:59.000Z',
    });
    expect(r.body.items[4]).toMatchObject({ code: 'XC-GAJ-0025', updateCycle: 'monthly' });
    expect(r.body.items[4].nextCollectionDue).toBe('2026-04-02T15:59:59.000Z');
  });

  it('given q, when it names a data item, a code in another case or a Latin name, then it matches as a substring', async () => {
    const codes = async (query: string) =>
      (await get(`/api/catalog/entries?${query}&pageSize=100`, 'gaj.leader')).body.items.map(
        (e: Body) => e.code,
      );
    expect(await codes(`q=${encodeURIComponent('户籍项17')}`)).toEqual(['XC-GAJ-0017']);
    expect(await codes(`q=${encodeURIComponent('出生医学')}`)).toEqual(['XC-WJJ-0002']);
    expect(await codes('q=xc-wjj')).toEqual(['XC-WJJ-0001', 'XC-WJJ-0002']);
    expect(await codes('q=VEHICLE')).toEqual(['XC-GAJ-0007']);
    expect(await codes(`q=${encodeURIComponent('身份')}`)).toHaveLength(36);
    expect(await codes('q=%25')).toEqual([]); // a LIKE wildcard is a plain character
  });

  it('given the filters, when combined, then each narrows the list on the server', async () => {
    const total = async (query: string) =>
      (await get(`/api/catalog/entries?${query}`, 'supervisor')).body.total as number;
    const [system] = (await get('/api/catalog/systems?unitId=gaj', 'supervisor')).body.items.filter(
      (s: Body) => s.name === '交通管理综合应用平台',
    );
    expect(await total(`systemId=${system.id}`)).toBe(5);
    expect(await total('opening=conditional')).toBe(7);
    expect(await total('sharing=unconditional')).toBe(2);
    expect(await total('sharing=unconditional&unitId=gaj')).toBe(0);
    expect(await total('category=basic&status=active')).toBe(37);
    expect(await total('status=retired')).toBe(0);
    // bad values are refused in Chinese, not crashed on
    expect((await get('/api/catalog/entries?systemId=not-a-uuid', 'supervisor')).status).toBe(400);
    expect((await get('/api/catalog/entries?stale=yes', 'supervisor')).status).toBe(400);
    expect((await get('/api/catalog/entries?pageSize=1000', 'supervisor')).status).toBe(400);
  });

  it('given other units carry an item of the same name, when a reviewer asks, then they are listed (一数一源)', async () => {
    const names = encodeURIComponent('公民身份号码,出生医学证明编号,新数据项');
    const r = await get(`/api/catalog/same-items?names=${names}&excludeUnitId=wjj`, 'reviewer');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: Body) => [i.name, i.total])).toEqual([['公民身份号码', 35]]);
    expect(r.body.items[0].entries).toHaveLength(20);
    expect(r.body.items[0].entries[0]).toMatchObject({ code: 'XC-GAJ-0001', unitName: '县公安局' });
    const fromGaj = await get(`/api/catalog/same-items?names=${names}&excludeUnitId=gaj`, 'reviewer');
    expect(fromGaj.body.items.map((i: Body) => [i.name, i.entries.map((e: Body) => e.code)])).toEqual([
      ['公民身份号码', ['XC-WJJ-0001']],
      ['出生医学证明编号', ['XC-WJJ-0002']],
    ]);
  });

  it('given a daily entry, when its cataloguer records a collection, then the next deadline moves a day on', async () => {
    clock().set(new Date('2026-03-05T11:00:00+08:00'));
    const id = ids.get('XC-GAJ-0001') as string;
    const r = await post(`/api/catalog/entries/${id}/collections`, 'gaj.cataloguer', {
      at: '2026-03-05T11:00:00+08:00',
      records: 1200,
      note: '按日归集',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      entryId: id,
      records: 1200,
      recordedBy: 'gaj.cataloguer',
      lastCollectedAt: '2026-03-05T03:00:00.000Z',
      nextCollectionDue: '2026-03-06T15:59:59.000Z',
    });
    // an older collection recorded late is history; it never moves the deadline back
    const late = await post(`/api/catalog/entries/${id}/collections`, 'gaj.cataloguer', {
      at: '2026-03-04T09:00:00+08:00',
    });
    expect(late.body.nextCollectionDue).toBe('2026-03-06T15:59:59.000Z');
    const entry = (await get(`/api/catalog/entries/${id}`, 'wjj.leader')).body;
    expect(entry).toMatchObject({ lastCollectedAt: '2026-03-05T03:00:00.000Z' });
    const history = (await get(`/api/catalog/entries/${id}/collections`, 'gaj.leader')).body.items;
    expect(history.map((c: Body) => c.at)).toEqual(['2026-03-05T03:00:00.000Z', '2026-03-04T01:00:00.000Z']);
  });

  it('given collections from the wrong people or with bad input, when recorded, then each is refused in Chinese', async () => {
    const id = ids.get('XC-GAJ-0002') as string;
    const path = `/api/catalog/entries/${id}/collections`;
    const other = await post(path, 'wjj.cataloguer', {});
    expect([other.status, other.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(other.body.error.message).toContain('目录编制员');
    expect((await post(path, 'gaj.leader', {})).status).toBe(403);
    const future = await post(path, 'gaj.cataloguer', { at: '2027-01-01T00:00:00+08:00' });
    expect([future.status, future.body.error.message]).toEqual([400, '归集时间不能晚于当前时间']);
    expect((await post(path, 'gaj.cataloguer', { records: -1 })).status).toBe(400);
    expect((await post(path, 'gaj.cataloguer', { at: '昨天' })).status).toBe(400);
    const missing = await post(
      '/api/catalog/entries/00000000-0000-0000-0000-000000000000/collections',
      'gaj.cataloguer',
      {},
    );
    expect(missing.status).toBe(404);
    // a platform account (数据归集员) records for any unit
    const [governance] = await t.deps.db.select().from(users).where(eq(users.username, 'governance'));
    await t.deps.db.insert(userRoles).values({ userId: governance.id, role: 'platform.collector' });
    expect((await post(path, 'governance', { records: 5 })).status).toBe(201);
  });

  it('given a retired entry, when a collection is recorded, then 409 and nothing is written', async () => {
    const id = ids.get('XC-GAJ-0003') as string;
    await store.updateEntry(t.deps.db, id, { status: 'retired', retiredAt: new Date() });
    const r = await post(`/api/catalog/entries/${id}/collections`, 'gaj.cataloguer', { records: 1 });
    expect([r.status, r.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(r.body.error.message).toBe('目录条目 XC-GAJ-0003 已注销，不能登记归集');
    expect((await get(`/api/catalog/entries/${id}/collections`, 'gaj.leader')).body.items).toEqual([]);
  });

  it('given stale entries, when units read the stale list, then a unit user gets only their own unit', async () => {
    clock().set(new Date('2026-03-06T10:00:00+08:00'));
    // supervision sees every unit, most overdue first
    const all = await get('/api/supervision/stale-entries?pageSize=100', 'supervisor');
    expect(all.status).toBe(200);
    // 县公安局's 28 daily entries (35 − 7 monthly) but 0001 and 0002 (collected 03-05, due 03-06 23:59:59) and the
    // retired 0003 were due 03-03 23:59:59; 县卫生健康局's weekly entry falls due only on 03-09
    const gajDaily = all.body.items.filter((e: Body) => e.unitId === 'gaj');
    expect(gajDaily).toHaveLength(25);
    expect(all.body.total).toBe(25);
    expect(gajDaily.map((e: Body) => e.code)).not.toContain('XC-GAJ-0001');
    expect(gajDaily.map((e: Body) => e.code)).not.toContain('XC-GAJ-0003');
    expect(gajDaily[0]).toMatchObject({
      unitName: '县公安局',
      updateCycle: 'daily',
      dueAt: '2026-03-03T15:59:59.000Z',
    });
    // a unit's leader asking for another unit still gets only their own
    const wjj = await get('/api/supervision/stale-entries?unitId=gaj', 'wjj.leader');
    expect(wjj.body).toMatchObject({ items: [], total: 0 });
    const own = await get('/api/supervision/stale-entries?pageSize=5&page=2', 'gaj.cataloguer');
    expect(own.body.total).toBe(gajDaily.length);
    expect(own.body.items.map((e: Body) => e.code)).toEqual(gajDaily.slice(5, 10).map((e: Body) => e.code));
    // other unit roles may not read it
    expect((await get('/api/supervision/stale-entries', 'wjj.feedback')).status).toBe(403);
    // the list filter and the statistics agree
    const listed = await get('/api/catalog/entries?stale=true&pageSize=1', 'gaj.leader');
    expect(listed.body.total).toBe(gajDaily.length);
    const stats = await get('/api/supervision/stats?from=2026-03-01&to=2026-03-31', 'supervisor');
    expect(stats.body.items.find((s: Body) => s.unitId === 'gaj').entriesStale).toBe(gajDaily.length);
    expect(stats.body.items.find((s: Body) => s.unitId === 'wjj').entriesStale).toBe(0);
  });

  it('given stale entries, when the reminder runs, then cataloguers hear at 09:00 on working days, every 5 working days', async () => {
    const calendar = t.deps.services.calendar as WorkdayCalendar;
    const notes = async () =>
      (await get('/api/notifications', 'gaj.cataloguer')).body.items.filter(
        (n: Body) => n.kind === 'reminder',
      );
    // the 25 were due 03-03 23:59:59: their first working day after is Wednesday 03-04, so at Friday 03-06 10:00
    // they are reminded, in one notification to the unit's cataloguers
    const first = await remindStaleEntries(t.deps.db, calendar, new Date('2026-03-06T10:00:00+08:00'));
    expect(first).toEqual({ entries: 25, units: 1 });
    expect(await notes()).toHaveLength(1);
    expect((await notes())[0]).toMatchObject({ link: '/catalog?stale=true' });
    expect((await notes())[0].title).toBe('更新提醒：本单位 25 条资源目录已超过更新周期未归集');
    // a second run (another server process, or the next tick) the same day sends nothing
    const twice = await remindStaleEntries(t.deps.db, calendar, new Date('2026-03-06T10:05:00+08:00'));
    expect(twice).toEqual({ entries: 0, units: 0 });
    // Thursday 03-12: only the entries that fell due since (0001 and 0002 on 03-06, 县卫生健康局's weekly one on 03-09)
    const thursday = await remindStaleEntries(t.deps.db, calendar, new Date('2026-03-12T09:30:00+08:00'));
    expect(thursday).toEqual({ entries: 3, units: 2 });
    const wjjNotes = (await get('/api/notifications', 'wjj.cataloguer')).body.items;
    expect(wjjNotes.filter((n: Body) => n.kind === 'reminder').map((n: Body) => n.body)).toEqual([
      expect.stringContaining('XC-WJJ-0001'),
    ]);
    // the 25 again on the 5th working day after 03-06 (Saturday and Sunday are not counted): Friday 03-13, 09:00
    expect(
      (await remindStaleEntries(t.deps.db, calendar, new Date('2026-03-13T08:59:00+08:00'))).entries,
    ).toBe(0);
    const again = await remindStaleEntries(t.deps.db, calendar, new Date('2026-03-13T09:00:00+08:00'));
    expect(again).toEqual({ entries: 25, units: 1 });
    expect(await notes()).toHaveLength(3);
    // a collection ends the reminders for that entry
    const id = ids.get('XC-GAJ-0004') as string;
    clock().set(new Date('2026-03-13T10:00:00+08:00'));
    expect((await post(`/api/catalog/entries/${id}/collections`, 'gaj.cataloguer', {})).status).toBe(201);
    const stale = await get('/api/supervision/stale-entries?pageSize=100', 'gaj.leader');
    expect(stale.body.items.map((e: Body) => e.code)).not.toContain('XC-GAJ-0004');
  });

  it('given census details, when a cataloguer records a system, then they are kept and bad values are refused', async () => {
    clock().set(new Date('2026-03-16T10:00:00+08:00'));
    const created = await post('/api/catalog/systems', 'rsj.cataloguer', {
      name: '社会保险信息系统',
      buildMode: 'deployed-from-above',
      status: 'in-use',
      maintainer: '省人力社保厅信息中心',
      launchDate: '2019-07-01',
      deployment: 'gov-cloud',
      onCountyPlatform: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      unitId: 'rsj',
      buildMode: 'deployed-from-above',
      status: 'in-use',
      maintainer: '省人力社保厅信息中心',
      launchDate: '2019-07-01',
      deployment: 'gov-cloud',
      onCountyPlatform: true,
      retired: false,
      retiredAt: null,
    });
    const edited = await t.request(`/api/catalog/systems/${created.body.id}`, {
      method: 'PUT',
      as: 'rsj.cataloguer',
      json: { status: 'migrating', deployment: 'local-room' },
    });
    expect(((await edited.json()) as Body).status).toBe('migrating');
    const badDate = await post('/api/catalog/systems', 'rsj.cataloguer', {
      name: '甲',
      launchDate: '2026-02-30',
    });
    expect([badDate.status, badDate.body.error.message]).toEqual([
      400,
      '上线时间“2026-02-30”不是有效日期（格式 YYYY-MM-DD）',
    ]);
    expect(
      (await post('/api/catalog/systems', 'rsj.cataloguer', { name: '乙', buildMode: '自建' })).status,
    ).toBe(400);
    expect(
      (await post('/api/catalog/systems', 'rsj.cataloguer', { name: '丙', deployment: 'cloud' })).status,
    ).toBe(400);
    expect((await get('/api/catalog/systems?unitId=rsj', 'rsj.leader')).body.items).toHaveLength(1);
  });

  it('given systems without entries, when the report is read and a system retired, then the census says so', async () => {
    // 社会保险信息系统 has no entry; 县公安局's two systems have active entries
    const report = await get('/api/catalog/systems/uncatalogued', 'supervisor');
    expect(report.body.items.map((s: Body) => [s.unitName, s.name])).toEqual([
      ['县人力社保局', '社会保险信息系统'],
    ]);
    expect((await get('/api/catalog/systems/uncatalogued?unitId=gaj', 'gaj.leader')).body.items).toEqual([]);
    // a system still named by active entries cannot retire
    const [traffic] = (await get('/api/catalog/systems?unitId=gaj', 'gaj.cataloguer')).body.items.filter(
      (s: Body) => s.name === '交通管理综合应用平台',
    );
    const refused = await post(`/api/catalog/systems/${traffic.id}/retire`, 'gaj.cataloguer', {});
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(refused.body.error.message).toBe(
      '信息系统“交通管理综合应用平台”仍有在用的目录条目（XC-GAJ-0031、XC-GAJ-0032、XC-GAJ-0033、XC-GAJ-0034、XC-GAJ-0035），请先变更或注销这些条目',
    );
    // another unit's cataloguer may not retire it
    expect((await post(`/api/catalog/systems/${traffic.id}/retire`, 'wjj.cataloguer', {})).status).toBe(403);
    // one without entries retires: out of the census list and the report, kept with includeRetired
    const [sis] = report.body.items;
    const retired = await post(`/api/catalog/systems/${sis.id}/retire`, 'rsj.cataloguer', {});
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({
      retired: true,
      retiredAt: expect.stringMatching(/^2026-03-16T02:00/),
    });
    expect((await get('/api/catalog/systems?unitId=rsj', 'rsj.leader')).body.items).toEqual([]);
    const all = (await get('/api/catalog/systems?unitId=rsj&includeRetired=true', 'rsj.leader')).body.items;
    expect(all.map((s: Body) => [s.name, s.retired])).toEqual([['社会保险信息系统', true]]);
    expect((await get('/api/catalog/systems/uncatalogued', 'supervisor')).body.items).toEqual([]);
    expect((await post(`/api/catalog/systems/${sis.id}/retire`, 'rsj.cataloguer', {})).status).toBe(409);
    const edit = await t.request(`/api/catalog/systems/${sis.id}`, {
      method: 'PUT',
      as: 'rsj.cataloguer',
      json: { maintainer: 'x' },
    });
    expect(edit.status).toBe(409);
  });

  it('given a system not in the unit census, when a registration starts, then it is refused in Chinese and nothing starts', async () => {
    const start = (variables: Record<string, unknown>) =>
      post('/api/process-instances', 'rsj.cataloguer', { processKey: 'catalog-registration', variables });
    const before = (await get('/api/process-instances?processKey=catalog-registration', 'supervisor')).body
      .total;
    // another unit's system is not in 县人力社保局's census either
    const unknown = await start(entryFields('XC-RSJ-0001', { systemName: '人口信息管理系统' }));
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(unknown.body.error.message).toBe(
      '信息系统“人口信息管理系统”不在本单位的信息系统普查中，请先在“信息系统普查”中登记',
    );
    expect(unknown.body.error.details).toEqual([
      { path: '/systemName', message: unknown.body.error.message },
    ]);
    const retired = await start(entryFields('XC-RSJ-0002', { systemName: '社会保险信息系统' }));
    expect([retired.status, retired.body.error.message]).toEqual([
      422,
      '信息系统“社会保险信息系统”已退役，不能再登记目录条目',
    ]);
    const en = await t.request('/api/process-instances', {
      method: 'POST',
      as: 'rsj.cataloguer',
      headers: { 'accept-language': 'en' },
      json: {
        processKey: 'catalog-registration',
        variables: entryFields('XC-RSJ-0003', { systemName: '无此系统' }),
      },
    });
    expect(((await en.json()) as Body).error.message).toBe(
      'System "无此系统" is not in the unit\'s census; add it to the census first',
    );
    expect(
      (await get('/api/process-instances?processKey=catalog-registration', 'supervisor')).body.total,
    ).toBe(before);
    expect((await get('/api/catalog/entries?unitId=rsj', 'rsj.leader')).body.total).toBe(0);
  });
});

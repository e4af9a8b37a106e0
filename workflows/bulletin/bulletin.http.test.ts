/**
 * @module Scenario over HTTP: the bulletin workbook of a period downloads for a supervisor, opens in exceljs with
 * Chinese headers and the same figures as the statistics API; unit users are refused (403).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import {
  type Body,
  entryFields,
  type HttpScenario,
  openHttpScenario,
} from '../../server/testing/scenario-http';

const OCTOBER = 'from=2026-10-01&to=2026-10-31';
/** A row's cell values (exceljs numbers cells from 1); a missing sheet fails the caller's assertion as []. */
const cells = (ws: ExcelJS.Worksheet | undefined, row: number) =>
  ws ? (ws.getRow(row).values as unknown[]).slice(1) : [];

describe.each(testDbKinds())('bulletin over HTTP on %s', (kind) => {
  let s: HttpScenario;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
    // given in October: 县公安局 registers an entry, 县卫生健康局 reports a problem on it, governance accepts it
    await s.setClock('2026-10-09T09:00:00+08:00');
    const entryId = await s.publishEntry('gaj', entryFields('XC-GAJ-5001'));
    const id = await s.start('data-problem', 'wjj.feedback', {
      entryId,
      problemType: 'omission',
      description: '缺少迁入地址',
      urgent: false,
    });
    await s.complete(id, 'triage', 'governance', { decision: 'accept' });
    // and the rectification (due Thursday 10-15: 10-10 is a make-up working day) is still open on 10-20
    await s.setClock('2026-10-20T10:00:00+08:00');
  }, 120_000);
  afterAll(() => s?.close());

  it('downloads a workbook with Chinese headers and the figures of the statistics API', async () => {
    // when the supervisor downloads October's bulletin
    const res = await s.server.request(`/api/supervision/bulletin.xlsx?${OCTOBER}`, { as: 'supervisor' });
    // then it is an Excel workbook that exceljs reads back
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '问题数据整改',
      '目录编制',
      '数据更新',
      '逾期事项',
    ]);
    const [summary, problems, catalog, updates, overdue] = wb.worksheets;
    expect(cells(summary, 3)).toEqual(['项目', '数值']);
    expect(cells(problems, 3)).toEqual([
      '序号',
      '单位',
      '受理问题',
      '完成整改',
      '按期整改',
      '当前逾期',
      '平均整改用时(工作日)',
      '返工轮次',
    ]);
    expect(cells(catalog, 3)).toEqual(['序号', '单位', '新注册', '变更/注销', '退回修改', '更新超期']);
    expect(cells(updates, 3)).toEqual([
      '序号',
      '单位',
      '信息资源代码',
      '信息资源名称',
      '更新周期',
      '最近归集',
      '应归集截止',
    ]);
    expect(cells(overdue, 3)).toEqual([
      '序号',
      '单位',
      '流程',
      '事项',
      '业务编号',
      '办理期限',
      '逾期(工作日)',
    ]);
    // and its rows say what the JSON API says
    const stats = (await s.get(`/api/supervision/stats?${OCTOBER}`, 'supervisor')).body.items;
    const gaj = stats.find((u: { unitId: string }) => u.unitId === 'gaj');
    expect(gaj).toMatchObject({
      problemsReceived: 1,
      problemsRectified: 0,
      overdueNow: 1,
      entriesRegistered: 1,
    });
    expect(cells(problems, 4)).toEqual([1, '县公安局', 1, 0, 0, 1, '—', 0]);
    // XC-GAJ-5001 (每日) published 10-09 and never collected: stale since 10-10 23:59:59, so 更新超期 1
    expect(cells(catalog, 4)).toEqual([1, '县公安局', 1, 0, 0, 1]);
    expect(cells(updates, 4).slice(0, 5)).toEqual([1, '县公安局', 'XC-GAJ-5001', '常住人口信息', '每日']);
    const listed = (await s.get('/api/supervision/overdue', 'supervisor')).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0].overdueWorkdays).toBeGreaterThanOrEqual(1);
    expect(cells(overdue, 4)).toEqual([
      1,
      '县公安局',
      '问题数据反馈与整改',
      '整改反馈',
      'WT-2026-0001', // the problem's 业务编号, numbered at its start
      '2026-10-15 23:59',
      listed[0].overdueWorkdays,
    ]);
    const summaryRows = Object.fromEntries([4, 5, 6, 7, 8].map((r) => cells(summary, r)));
    expect(summaryRows).toMatchObject({ '受理问题数据(条)': 1, '完成整改(条)': 0, '当前逾期未整改(条)': 1 });
  });

  it('given the monthly bulletin, when the reviewer edits the summary and publishes, then a unit leader reads it from the notification', async () => {
    // given October's bulletin prepared on 1 November (started by the governance officer, as the monthly timer does)
    await s.setClock('2026-11-01T09:00:05+08:00');
    const instanceId = await s.start('bulletin', 'governance', {});
    const inst = await s.instance(instanceId);
    const bulletinId = inst.variables.bulletinId as string;
    // a draft is the authority's: a unit leader neither lists nor opens it, supervision does
    expect((await s.get('/api/supervision/bulletins', 'gaj.leader')).body.items).toEqual([]);
    const r0 = await s.get(`/api/supervision/bulletins/${bulletinId}`, 'gaj.leader');
    expect(r0.status, JSON.stringify(r0.body)).toBe(404);
    expect((await s.get(`/api/supervision/bulletins/${bulletinId}/xlsx`, 'gaj.leader')).status).toBe(404);
    expect((await s.get(`/api/supervision/bulletins/${bulletinId}`, 'supervisor')).body.status).toBe('draft');
    // when the reviewer publishes with an edited summary (one starting with '=' stays text in the workbook)
    const edited = '=10月全县问题数据整改总体按期，县公安局1条逾期，请抓紧整改。';
    await s.complete(instanceId, 'review-bulletin', 'governance', {
      decision: 'publish',
      summary: edited,
    });
    // then the leader's notification links to the bulletin page
    const note = (await s.get('/api/notifications', 'gaj.leader')).body.items.find(
      (n: Body) => n.kind === 'bulletin',
    );
    expect(note).toMatchObject({
      title: '已发布：公共数据工作通报（2026年10月）',
      link: `/bulletins/${bulletinId}`,
    });
    // and the leader lists and reads it, with the summary as published and the frozen figures
    const list = (await s.get('/api/supervision/bulletins', 'gaj.leader')).body.items;
    expect(list.map((b: Body) => [b.id, b.status])).toEqual([[bulletinId, 'published']]);
    const read = await s.get(`/api/supervision/bulletins/${bulletinId}`, 'gaj.leader');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: bulletinId,
      status: 'published',
      summary: edited,
      periodFrom: '2026-10-01',
    });
    expect(read.body.stats.find((u: Body) => u.unitId === 'gaj')).toMatchObject({ problemsReceived: 1 });
    expect(read.body.stale.items.map((e: Body) => e.code)).toEqual(['XC-GAJ-5001']);
    // and the workbook prints the summary, as text, never a formula
    const file = await s.server.request(`/api/supervision/bulletins/${bulletinId}/xlsx`, {
      as: 'gaj.leader',
    });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const summarySheet = wb.getWorksheet('汇总');
    const texts: unknown[] = [];
    summarySheet?.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain(`通报摘要：${edited}`);
    // and other unit roles may not read bulletins
    expect((await s.get(`/api/supervision/bulletins/${bulletinId}`, 'wjj.feedback')).status).toBe(403);
    expect((await s.get('/api/supervision/bulletins', 'wjj.feedback')).status).toBe(403);
  });

  it('is refused to unit users (403) and refuses a malformed period (400)', async () => {
    for (const who of ['gaj.leader', 'wjj.feedback']) {
      const r = await s.get(`/api/supervision/bulletin.xlsx?${OCTOBER}`, who);
      expect([r.status, r.body.error?.code], who).toEqual([403, 'FORBIDDEN']);
    }
    expect(
      (await s.get('/api/supervision/bulletin.xlsx?from=2026-10&to=2026-10-31', 'supervisor')).status,
    ).toBe(400);
  });
});

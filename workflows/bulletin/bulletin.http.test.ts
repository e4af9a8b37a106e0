/**
 * @module Scenario over HTTP: the bulletin workbook of a period downloads for a supervisor, opens in exceljs with
 * Chinese headers and the same figures as the statistics API; unit users are refused (403).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../../server/testing/scenario-http';

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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题数据整改', '目录编制', '数据更新', '逾期事项']);
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
      '—',
      '2026-10-15 23:59',
      listed[0].overdueWorkdays,
    ]);
    const summaryRows = Object.fromEntries([4, 5, 6, 7, 8].map((r) => cells(summary, r)));
    expect(summaryRows).toMatchObject({ '受理问题数据(条)': 1, '完成整改(条)': 0, '当前逾期未整改(条)': 1 });
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

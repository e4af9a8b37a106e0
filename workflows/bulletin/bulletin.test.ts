/** @module Scenario: the monthly bulletin starts on its timer, is reviewed, published, and opens as a workbook. */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { findEntryByCode } from '../catalog/store';
import { seedDemoCatalog } from '../demo/seed-demo-catalog';
import { notifications } from '../notifications/schema';
import { openScenario } from '../scenario-testing';
import { bulletinWorkbookById, findBulletin } from '../supervision';

describe.each(testDbKinds())('bulletin scenario on %s', (kind) => {
  let s: Awaited<ReturnType<typeof openScenario>>;
  beforeAll(async () => {
    s = await openScenario(kind, '2026-10-20T09:00:00+08:00');
    await seedDemoCatalog(s.db, new Date('2026-10-09T09:00:00+08:00'));
  }, 60_000);
  afterAll(() => s?.close());

  it('starts on 1 November for October, waits for review, publishes and exports', async () => {
    // given an open problem overdue at month end
    const entryId = (await findEntryByCode(s.db, 'XC-WJJ-0002'))?.id as string;
    const problem = await s.start('data-problem', 'rsj.feedback', {
      entryId,
      problemType: 'omission',
      description: '缺少注销机构',
      urgent: true,
    });
    await s.complete(problem, 'triage', 'governance', { decision: 'accept' });
    // when the monthly timer comes due
    await s.setNow('2026-10-31T23:00:00+08:00');
    expect((await s.runtime.listInstances({ processKey: 'bulletin' })).total).toBe(0);
    await s.setNow('2026-11-01T09:00:05+08:00');
    const { items } = await s.runtime.listInstances({ processKey: 'bulletin' });
    expect(items.length).toBe(1);
    const id = items[0].id;
    // then it was prepared for October and waits for the governance officer
    const inst = await s.instance(id);
    expect(inst.variables).toMatchObject({
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      bulletinTitle: '公共数据工作通报（2026年10月）',
      totals: { problemsReceived: 1, overdueNow: 1, entriesRegistered: 6 },
    });
    const [review] = await s.openTasks(id);
    expect(review).toMatchObject({
      elementId: 'review-bulletin',
      candidateGroups: ['authority.governance'],
      formKey: 'bulletin-review',
    });
    expect(inst.variables.summary).toMatch(/^2026-10-01 至 2026-10-31，全县受理问题数据1条/);
    await s.complete(id, 'review-bulletin', 'governance', {
      decision: 'publish',
      summary: '10月全县问题数据整改总体按期, 县卫生健康局1条逾期, 请抓紧整改。',
    });
    expect((await s.instance(id)).status).toBe('completed');
    const bulletinId = inst.variables.bulletinId as string;
    expect((await findBulletin(s.db, bulletinId))?.status).toBe('published');
    expect(
      (await s.db.select().from(notifications).where(eq(notifications.userId, 'gaj.leader'))).map(
        (n) => n.title,
      ),
    ).toContain('已发布：公共数据工作通报（2026年10月）');
    // and the workbook opens with the unit's row and the overdue item
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bulletinWorkbookById(s.db, bulletinId)) as unknown as ArrayBuffer);
    const units = wb.getWorksheet('问题数据整改');
    expect(units?.getRow(4).getCell(2).value).toBe('县卫生健康局');
    expect(units?.getRow(4).getCell(6).value).toBe(1);
    const overdue = wb.getWorksheet('逾期事项');
    expect([
      overdue?.getRow(4).getCell(2).value,
      overdue?.getRow(4).getCell(3).value,
      overdue?.getRow(4).getCell(4).value,
    ]).toEqual(['县卫生健康局', '问题数据反馈与整改', '整改反馈']);
  });

  it('keeps a held bulletin as a draft', async () => {
    await s.setNow('2026-12-01T09:00:05+08:00');
    const { items } = await s.runtime.listInstances({ processKey: 'bulletin' });
    const december = items.find((i) => i.variables.periodFrom === '2026-11-01');
    expect(december).toBeDefined();
    await s.complete(december?.id as string, 'review-bulletin', 'governance', { decision: 'hold' });
    expect((await s.instance(december?.id as string)).status).toBe('completed');
    expect((await findBulletin(s.db, december?.variables.bulletinId as string))?.status).toBe('draft');
  });
});

/** @module Supervision on a real database: overdue tasks in working days, per-unit statistics, and the bulletin workbook read back. */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployments, processDefinitions, processInstances, userTasks } from '../../engine/store/schema';
import type { Database } from '../../platform/db/open-db';
import { testDbKinds } from '../../platform/db/testing';
import { catalogEvents } from '../catalog/schema';
import { refreshProblemWorkdays, workdaysToFix } from '../problems';
import { problems } from '../problems/schema';
import { makeJob, openDomainDb, testDeps } from '../testing';
import {
  bulletinWorkbookById,
  buildBulletinWorkbook,
  computeStats,
  createSupervisionWorkers,
  listOverdue,
  periodBounds,
  previousMonth,
} from '.';

const at = (iso: string) => new Date(iso);

describe('periods', () => {
  it('takes the previous China month, across a year end', () => {
    expect(previousMonth(at('2026-11-01T01:00:00Z'))).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousMonth(at('2026-12-31T17:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' }); // 01:00 on 1 Jan in China
    expect(previousMonth(at('2026-03-05T00:00:00Z'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(() => periodBounds({ from: '2026-10-31', to: '2026-10-01' })).toThrow();
  });
});

describe.each(testDbKinds())('supervision on %s', (kind) => {
  let database: Database;
  const deps = testDeps('2026-11-01T09:00:00+08:00');
  const now = deps.now();
  beforeAll(async () => {
    database = await openDomainDb(kind);
    const db = database.db;
    const p = (over: Partial<typeof problems.$inferInsert>) => ({
      instanceId: crypto.randomUUID(),
      entryId: crypto.randomUUID(),
      entryCode: 'C',
      sourceUnitId: 'gaj',
      problemType: 'error' as const,
      description: 'd',
      receivedAt: at('2026-10-09T09:00:00+08:00'),
      ...over,
    });
    await db.insert(problems).values([
      // fixed on time in 2 working days (10-09 → 10-12, with Saturday 10-10 a make-up working day)
      p({
        status: 'archived',
        outcome: 'archived',
        rectifiedAt: at('2026-10-12T10:00:00+08:00'),
        closedAt: at('2026-10-13T10:00:00+08:00'),
        onTime: true,
        rounds: 1,
      }),
      // reworked twice, late: 4 working days
      p({
        status: 'archived',
        outcome: 'archived',
        rectifiedAt: at('2026-10-14T10:00:00+08:00'),
        closedAt: at('2026-10-15T10:00:00+08:00'),
        onTime: false,
        rounds: 3,
      }),
      // open and past due
      p({ status: 'rectifying', dueAt: at('2026-10-20T23:59:59+08:00'), rounds: 1, overdue: true }),
      // dismissed: not counted as received
      p({ status: 'dismissed', outcome: 'dismissed', closedAt: at('2026-10-10T10:00:00+08:00') }),
      // another unit, outside the period
      p({ sourceUnitId: 'wjj', receivedAt: at('2026-09-01T09:00:00+08:00'), status: 'triage' }),
    ]);
    const ev = (unitId: string, kind: 'registered' | 'changed' | 'returned', iso: string) => ({
      unitId,
      kind,
      processKey: 'catalog-registration',
      at: at(iso),
    });
    await db
      .insert(catalogEvents)
      .values([
        ev('gaj', 'registered', '2026-10-02T10:00:00+08:00'),
        ev('gaj', 'returned', '2026-10-31T23:00:00+08:00'),
        ev('wjj', 'changed', '2026-10-20T10:00:00+08:00'),
        ev('wjj', 'registered', '2026-11-01T00:30:00+08:00'),
      ]);
    // one overdue and one not-yet-due open task of the engine
    const [dep] = await db.insert(deployments).values({ name: 't' }).returning();
    const [def] = await db
      .insert(processDefinitions)
      .values({
        key: 'data-problem',
        version: 1,
        xml: '<x/>',
        compiled: {
          processId: 'data-problem',
          machine: {},
          info: { userTasks: [], timerStarts: [], messageStarts: [], calledProcessIds: [] },
        },
        checksum: 'c',
        deploymentId: dep.id,
      })
      .returning();
    const [inst] = await db
      .insert(processInstances)
      .values({
        definitionId: def.id,
        processKey: 'data-problem',
        definitionVersion: 1,
        snapshot: {},
        status: 'active',
        unitId: 'rsj',
        startedAt: at('2026-10-09T09:00:00+08:00'),
        businessKey: 'WT-001',
      })
      .returning();
    const task = (taskKey: string, dueAt: string, unitId: string | null) => ({
      instanceId: inst.id,
      elementId: 'rectify',
      taskKey,
      activation: 1,
      name: '整改反馈',
      unitId,
      dueAt: at(dueAt),
      processKey: 'data-problem',
      businessKey: 'WT-001',
    });
    await db
      .insert(userTasks)
      .values([
        task('a', '2026-10-20T23:59:59+08:00', 'gaj'),
        task('b', '2026-11-05T23:59:59+08:00', 'gaj'),
        task('c', '2026-10-29T23:59:59+08:00', null),
      ]);
  }, 60_000);
  afterAll(() => database?.close());

  it('lists open tasks past due with overdue working days, scoped by unit', async () => {
    const all = await listOverdue(database.db, deps.calendar, now);
    expect(all.map((o) => [o.unitId, o.unitName, o.overdueWorkdays])).toEqual([
      ['gaj', '县公安局', 8], // 10-21..10-30 working days
      ['rsj', '县人力社保局', 1], // no task scope: the starter's unit
    ]);
    expect(all[0].task).toMatchObject({
      name: '整改反馈',
      processKey: 'data-problem',
      businessKey: 'WT-001',
    });
    expect((await listOverdue(database.db, deps.calendar, now, { unitId: 'rsj' })).length).toBe(1);
  });

  it('computes per-unit statistics for a period', async () => {
    const stats = await computeStats(
      database.db,
      deps.calendar,
      { from: '2026-10-01', to: '2026-10-31' },
      now,
    );
    const gaj = stats.find((s) => s.unitId === 'gaj');
    expect(gaj).toEqual({
      unitId: 'gaj',
      unitName: '县公安局',
      problemsReceived: 3,
      problemsRectified: 2,
      rectifiedOnTime: 1,
      overdueNow: 1,
      avgWorkdaysToFix: 3, // (2 + 4) / 2
      reworkRounds: 2,
      entriesRegistered: 1,
      entriesChanged: 0,
      entriesReturned: 1,
      entriesStale: 0,
    });
    const wjj = stats.find((s) => s.unitId === 'wjj');
    expect(wjj).toMatchObject({ problemsReceived: 0, entriesChanged: 1, entriesRegistered: 0 });
    expect(stats.find((s) => s.unitId === 'dsj')).toBeUndefined();
  });

  it('counts the same from stored working days as from dates, and from a mix of both', async () => {
    const october = { from: '2026-10-01', to: '2026-10-31' };
    const fromDates = await computeStats(database.db, deps.calendar, october, now);
    // when one archived row gets its figure (as the archive worker stores it), the other still counted from dates
    const [first] = await database.db
      .select()
      .from(problems)
      .where(and(eq(problems.status, 'archived'), eq(problems.onTime, true)));
    await database.db
      .update(problems)
      .set({ workdaysToFix: workdaysToFix(deps.calendar, first.receivedAt, first.rectifiedAt) })
      .where(eq(problems.id, first.id));
    expect(await computeStats(database.db, deps.calendar, october, now)).toEqual(fromDates);
    // and when every row has it (the backfill)
    expect(await refreshProblemWorkdays(database.db, deps.calendar)).toBe(1);
    expect(await computeStats(database.db, deps.calendar, october, now)).toEqual(fromDates);
    const figures = await database.db
      .select({ d: problems.workdaysToFix })
      .from(problems)
      .where(eq(problems.status, 'archived'));
    expect(figures.map((r) => r.d).sort()).toEqual([2, 4]);
  });

  it('prepares, publishes and exports the bulletin as a workbook that opens', async () => {
    const w = createSupervisionWorkers(deps);
    const job = makeJob(database.db, 'supervision.prepare-bulletin', {});
    const prepared = await w['supervision.prepare-bulletin'](job);
    expect(prepared?.variables).toMatchObject({
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      bulletinTitle: '公共数据工作通报（2026年10月）',
      totals: { problemsReceived: 3, overdueTasks: 2 },
    });
    await w['supervision.publish-bulletin']({ ...job, variables: { ...prepared?.variables } });
    const buf = await bulletinWorkbookById(database.db, prepared?.variables?.bulletinId as string);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '问题数据整改', '目录编制', '数据更新', '逾期事项']);
    const problemsSheet = wb.getWorksheet('问题数据整改');
    expect(problemsSheet?.getCell('A1').value).toBe('各单位问题数据整改情况');
    expect(problemsSheet?.getRow(3).values).toEqual([
      undefined,
      '序号',
      '单位',
      '受理问题',
      '完成整改',
      '按期整改',
      '当前逾期',
      '平均整改用时(工作日)',
      '返工轮次',
    ]);
    expect(problemsSheet?.getRow(4).values).toEqual([undefined, 1, '县公安局', 3, 2, 1, 1, 3, 2]);
    expect(problemsSheet?.pageSetup.printTitlesRow).toBe('3:3');
    const overdueSheet = wb.getWorksheet('逾期事项');
    expect(overdueSheet?.getRow(4).getCell(2).value).toBe('县公安局');
    expect(overdueSheet?.getRow(4).getCell(7).value).toBe(8);
  });

  it('builds an empty bulletin without failing', async () => {
    const buf = await buildBulletinWorkbook([], [], { from: '2026-01-01', to: '2026-01-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.getWorksheet('逾期事项')?.getCell('A4').value).toBe('本期无');
  });
});

/** @module Scenario: data-problem feedback through the runtime — deadlines across National Day 2026, 催办, rework, stats. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { findEntryByCode } from '../catalog/store';
import { seedDemoCatalog } from '../demo/seed-demo-catalog';
import { notifications } from '../notifications/schema';
import { userTasks } from '../../engine/store/schema';
import { findProblem, syncProblemDeadlines } from '../problems';
import { openScenario } from '../scenario-testing';
import { computeStats, listOverdue } from '../supervision';

describe.each(testDbKinds())('data-problem scenario on %s', (kind) => {
  let s: Awaited<ReturnType<typeof openScenario>>;
  let entryId: string;
  beforeAll(async () => {
    s = await openScenario(kind, '2026-09-28T10:00:00+08:00');
    await seedDemoCatalog(s.db, new Date('2026-01-05T09:00:00+08:00'));
    entryId = (await findEntryByCode(s.db, 'XC-GAJ-0001'))?.id as string;
  }, 60_000);
  afterAll(() => s?.close());

  const report = (urgent: boolean) =>
    s.start('data-problem', 'rsj.feedback', {
      entryId,
      problemType: 'error',
      description: '出生日期与社保登记不一致',
      examples: '330624********1234',
      urgent,
    });
  const reminders = async (id: string) =>
    (
      await s.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.instanceId, id), eq(notifications.userId, 'gaj.leader')))
    ).length;

  it('routes to 县公安局, counts 5 working days across National Day, reminds when overdue, reworks, archives', async () => {
    // given a report on Monday 2026-09-28, the last working week before the National Day holiday (10-01..10-07)
    await s.setNow('2026-09-28T10:00:00+08:00');
    const id = await report(false);
    const [triage] = await s.openTasks(id);
    expect(triage).toMatchObject({ elementId: 'triage', dueAt: '2026-09-30T15:59:59.000Z' }); // 2 working days: 9-29, 9-30
    expect((await s.instance(id)).variables).toMatchObject({
      sourceUnitId: 'gaj',
      sourceUnitName: '县公安局',
      entryCode: 'XC-GAJ-0001',
    });
    // when accepted the same day
    await s.complete(id, 'triage', 'governance', { decision: 'accept', comment: '请数源单位核实整改' });
    // then the rectification is due on 10-10: 9-29, 9-30, 10-08, 10-09 and the make-up Saturday 10-10
    const [rectify] = await s.openTasks(id);
    expect(rectify).toMatchObject({
      elementId: 'rectify',
      candidateGroups: ['unit.rectifier'],
      unitId: 'gaj',
      dueAt: '2026-10-10T15:59:59.000Z',
      dueProvisional: false,
    });
    expect((await findProblem(s.db, id))?.dueAt?.toISOString()).toBe('2026-10-10T15:59:59.000Z');
    // no reminder on Sunday 10-11; one on Monday 10-12
    await s.setNow('2026-10-11T10:00:00+08:00');
    expect(await reminders(id)).toBe(0);
    await s.setNow('2026-10-12T10:00:00+08:00');
    expect(await reminders(id)).toBe(1);
    expect((await s.openTasks(id)).map((t) => [t.elementId, t.overdue])).toEqual([['rectify', true]]);
    const overdue = await listOverdue(s.db, s.calendar, s.now());
    expect(overdue.map((o) => [o.task.elementId, o.unitId, o.overdueWorkdays])).toEqual([
      ['rectify', 'gaj', 1],
    ]);
    const october = { from: '2026-10-01', to: '2026-10-31' };
    expect(
      (await computeStats(s.db, s.calendar, { from: '2026-09-01', to: '2026-09-30' }, s.now())).find(
        (u) => u.unitId === 'gaj',
      ),
    ).toMatchObject({ problemsReceived: 1, overdueNow: 1 });
    // the rectifier reports late; verification fails; a second round with a new deadline
    await s.setNow('2026-10-13T10:00:00+08:00');
    expect(await reminders(id)).toBe(2); // Tuesday 09:00: overdue by 2 working days
    await s.complete(id, 'rectify', 'gaj.rectifier', { explanation: '已核对户籍底册并更正', fixedCount: 28 });
    await s.complete(id, 'verify', 'governance', { decision: 'fail', comment: '仍有2条未更正' });
    const [again] = await s.openTasks(id);
    expect(again).toMatchObject({ elementId: 'rectify', dueAt: '2026-10-20T15:59:59.000Z' });
    expect((await s.instance(id)).variables.rounds).toBe(2);
    await s.setNow('2026-10-14T10:00:00+08:00');
    expect(await reminders(id)).toBe(2); // the first round's reminders stopped with it
    await s.complete(id, 'rectify', 'gaj.rectifier', { explanation: '剩余2条已更正', fixedCount: 2 });
    await s.complete(id, 'verify', 'governance', { decision: 'pass', comment: '核验通过' });
    // then it is archived, the reporter told, and the statistics see it
    const done = await s.instance(id);
    expect(done.status).toBe('completed');
    expect(done.variables.outcome).toBe('archived');
    expect(await findProblem(s.db, id)).toMatchObject({
      status: 'archived',
      rounds: 2,
      onTime: false,
      outcome: 'archived',
    });
    const told = await s.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.instanceId, id), eq(notifications.userId, 'rsj.feedback')));
    expect(told.map((n) => n.title)).toEqual(['问题数据已整改归档：XC-GAJ-0001']);
    expect(
      (await computeStats(s.db, s.calendar, october, s.now())).find((u) => u.unitId === 'gaj'),
    ).toMatchObject({
      problemsRectified: 1,
      rectifiedOnTime: 0,
      overdueNow: 0,
      reworkRounds: 1,
      avgWorkdaysToFix: 8, // 9-28 → 10-14: 9-29, 9-30, 10-08, 10-09, 10-10, 10-12, 10-13, 10-14
    });
  });

  it('gives an urgent problem one working day, and ends a dismissed one with the reporter told', async () => {
    await s.setNow('2026-09-30T16:00:00+08:00');
    const urgent = await report(true);
    await s.complete(urgent, 'triage', 'governance', { decision: 'accept' });
    expect((await s.openTasks(urgent)).map((t) => [t.elementId, t.dueAt])).toEqual([
      ['rectify', '2026-10-08T15:59:59.000Z'],
    ]);
    // when the runtime moves the task's deadline (a calendar year loaded), the projection follows
    await s.db
      .update(userTasks)
      .set({ dueAt: new Date('2026-10-09T15:59:59Z') })
      .where(and(eq(userTasks.instanceId, urgent), eq(userTasks.status, 'open')));
    expect(await syncProblemDeadlines(s.db)).toBe(1);
    expect((await findProblem(s.db, urgent))?.dueAt?.toISOString()).toBe('2026-10-09T15:59:59.000Z');
    expect(await syncProblemDeadlines(s.db)).toBe(0);
    const dismissed = await report(false);
    await s.complete(dismissed, 'triage', 'governance', {
      decision: 'dismiss',
      comment: '属于业务咨询, 非数据问题',
    });
    const inst = await s.instance(dismissed);
    expect(inst).toMatchObject({ status: 'completed', variables: { outcome: 'dismissed' } });
    const told = await s.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.instanceId, dismissed), eq(notifications.userId, 'rsj.feedback')));
    expect(told.map((n) => n.body)).toEqual(['您反馈的问题不予受理。理由：属于业务咨询, 非数据问题']);
    expect((await findProblem(s.db, dismissed))?.status).toBe('dismissed');
  });
});

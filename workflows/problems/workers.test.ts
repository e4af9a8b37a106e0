/** @module Data-problem workers on a real database: routing (一数一源), rounds, on-time, 催办 once per working day, closing. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { testDbKinds } from '../../platform/db/testing';
import { seedDemoCatalog } from '../demo/seed-demo-catalog';
import { findEntryByCode } from '../catalog/store';
import { notifications } from '../notifications/schema';
import { makeJob, openDomainDb, testDeps } from '../testing';
import { assertProblemReportable, createProblemWorkers, findProblem } from '.';

describe.each(testDbKinds())('data-problem workers on %s', (kind) => {
  let database: Database;
  let entryId: string;
  const deps = testDeps('2026-09-28T09:00:00+08:00');
  const w = createProblemWorkers(deps);
  beforeAll(async () => {
    database = await openDomainDb(kind);
    await seedDemoCatalog(database.db, new Date('2026-01-05T09:00:00+08:00'));
    entryId = (await findEntryByCode(database.db, 'XC-GAJ-0001'))?.id as string;
  }, 60_000);
  afterAll(() => database?.close());

  const report = () =>
    makeJob(database.db, 'problems.route', {
      initiator: 'rsj.feedback',
      initiatorUnitId: 'rsj',
      entryId,
      problemType: 'error',
      description: '出生日期错误',
      urgent: false,
    });

  it('routes to the entry source unit and counts rounds, on time only when every round met its deadline', async () => {
    deps.setNow('2026-09-28T09:00:00+08:00');
    await assertProblemReportable(database.db, entryId);
    const job = report();
    // when routed
    const routed = await w['problems.route'](job);
    expect(routed?.variables).toMatchObject({
      sourceUnitId: 'gaj',
      sourceUnitName: '县公安局',
      entryCode: 'XC-GAJ-0001',
      rounds: 0,
    });
    // round 1, fixed in time
    await w['problems.open-round']({ ...job, variables: { rectifyDueAt: '2026-10-12T23:59:59+08:00' } });
    deps.setNow('2026-10-09T15:00:00+08:00');
    await w['problems.record-rectification'](job);
    expect(await findProblem(database.db, job.instanceId)).toMatchObject({
      status: 'verifying',
      rounds: 1,
      onTime: true,
    });
    // round 2 after a failed verification, fixed late
    const r2 = await w['problems.open-round']({
      ...job,
      variables: { rectifyDueAt: '2026-10-16T23:59:59+08:00' },
    });
    expect(r2?.variables?.rounds).toBe(2);
    deps.setNow('2026-10-19T10:00:00+08:00');
    await w['problems.record-rectification'](job);
    const archived = await w['problems.archive'](job);
    expect(archived?.variables?.outcome).toBe('archived');
    const row = await findProblem(database.db, job.instanceId);
    expect(row).toMatchObject({
      status: 'archived',
      outcome: 'archived',
      rounds: 2,
      onTime: false,
      sourceUnitId: 'gaj',
      reporterUnitId: 'rsj',
    });
    expect(row?.firstRectifiedAt?.toISOString()).toBe('2026-10-09T07:00:00.000Z');
    // stored for statistics: received 09-28, last report 10-19 → 9-29, 9-30, 10-08, 10-09, 10-10 (调休), 10-12..10-16, 10-19
    expect(row?.workdaysToFix).toBe(11);
  });

  it('reminds once per working day overdue from the morning after the deadline, never on a day off, never after the fix', async () => {
    deps.setNow('2026-09-28T09:00:00+08:00');
    const job = report();
    await w['problems.route'](job);
    await w['problems.open-round']({ ...job, variables: { rectifyDueAt: '2026-09-30T23:59:59+08:00' } });
    const count = async () =>
      (await database.db.select().from(notifications).where(eq(notifications.instanceId, job.instanceId)))
        .length;
    const fire = async (iso: string) => {
      deps.setNow(iso);
      await w['problems.remind']({ ...job, variables: { resourceName: '常住人口基本信息' } });
    };
    await fire('2026-09-30T12:00:00+08:00'); // before the deadline: nothing
    expect(await count()).toBe(0);
    await fire('2026-10-01T09:00:00+08:00'); // overdue, but National Day (10-01..10-07) is not a working day
    await fire('2026-10-07T09:00:00+08:00');
    expect(await count()).toBe(0);
    await fire('2026-10-08T09:00:00+08:00'); // first working day after the holiday: leader + rectifier of 县公安局, supervisor
    expect(await count()).toBe(3);
    expect((await findProblem(database.db, job.instanceId))?.overdue).toBe(true);
    await fire('2026-10-08T15:00:00+08:00'); // a repeated firing the same day changes nothing
    expect(await count()).toBe(3);
    await fire('2026-10-10T09:00:00+08:00'); // Saturday 10-10 is a make-up working day (调休); 10-09 was missed
    expect(await count()).toBe(6);
    deps.setNow('2026-10-12T10:00:00+08:00');
    await w['problems.record-rectification'](job);
    await fire('2026-10-13T09:00:00+08:00');
    expect(await count()).toBe(6);
    const titles = await database.db
      .select({ t: notifications.title })
      .from(notifications)
      .where(eq(notifications.instanceId, job.instanceId));
    expect(new Set(titles.map((r) => r.t))).toEqual(
      new Set([
        '催办：问题数据整改已逾期1个工作日（XC-GAJ-0001）',
        '催办：问题数据整改已逾期3个工作日（XC-GAJ-0001）',
      ]),
    );
    expect(await findProblem(database.db, job.instanceId)).toMatchObject({
      reminders: 2,
      remindedOverdueDays: 3,
      onTime: false,
    });
  });

  it('dismisses with an outcome and refuses unknown or retired entries before start', async () => {
    const job = report();
    await w['problems.route'](job);
    expect((await w['problems.dismiss'](job))?.variables?.outcome).toBe('dismissed');
    expect(await findProblem(database.db, job.instanceId)).toMatchObject({
      status: 'dismissed',
      workdaysToFix: null,
    });
    await expect(
      assertProblemReportable(database.db, '00000000-0000-0000-0000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      w['problems.route']({ ...report(), variables: { entryId: '00000000-0000-0000-0000-000000000000' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

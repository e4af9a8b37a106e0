/** @module Scenario: catalog registration through the runtime — return loops, review deadline, 催办, publish, reject. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { addSystem, getEntry } from '../catalog';
import { catalogEvents } from '../catalog/schema';
import { notifications } from '../notifications/schema';
import { openScenario } from '../scenario-testing';

const fields = {
  systemName: '人口信息管理系统',
  businessName: '户籍管理',
  resourceName: '常住人口信息',
  resourceCode: 'XC-GAJ-9001',
  category: 'basic',
  dataItems: [{ name: '公民身份号码', type: 'string', length: 18, sensitive: true }],
  storageFormat: 'database',
  shareType: 'conditional',
  shareCondition: '政务服务身份核验',
  openType: 'forbidden',
  provision: 'api',
  updateCycle: 'daily',
  sharePeriod: 'long-term',
};

describe.each(testDbKinds())('catalog-registration scenario on %s', (kind) => {
  let s: Awaited<ReturnType<typeof openScenario>>;
  beforeAll(async () => {
    s = await openScenario(kind, '2026-03-02T09:00:00+08:00');
    // 普查 first (#11): publishing refuses a system the unit has not put in its census.
    await addSystem(s.db, { username: 'gaj.cataloguer', unitId: 'gaj', roles: ['unit.cataloguer'] }, {
      name: '人口信息管理系统',
    });
  }, 60_000);
  afterAll(() => s?.close());

  it('deploys every shipped process once', () => {
    expect(s.deployed.map((d) => [d.key, d.action, d.version])).toEqual([
      ['catalog-registration', 'deployed', 1],
      ['catalog-change', 'deployed', 1],
      ['data-problem', 'deployed', 1],
      ['bulletin', 'deployed', 1],
    ]);
  });

  it('loops through revise twice, then publishes version 1 and tells the unit', async () => {
    // given a registration by 县公安局's cataloguer
    const id = await s.start('catalog-registration', 'gaj.cataloguer', fields);
    const [approval] = await s.openTasks(id);
    expect(approval).toMatchObject({
      elementId: 'unit-approval',
      candidateGroups: ['unit.leader'],
      unitId: 'gaj',
    });
    // when the unit leader returns it, the starter revises, and the leader approves
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'return', comment: '数据项不全' });
    const [revise] = await s.openTasks(id);
    expect(revise).toMatchObject({ elementId: 'revise', assignee: 'gaj.cataloguer' });
    await s.complete(id, 'revise', 'gaj.cataloguer', { ...fields, resourceName: '常住人口基本信息' });
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve', comment: '同意' });
    // then the authority's review is due in 5 working days (Mon 3-2 → Mon 3-9)
    const [review] = await s.openTasks(id);
    expect(review).toMatchObject({
      elementId: 'authority-review',
      dueAt: '2026-03-09T15:59:59.000Z',
      overdue: false,
    });
    // the reviewer returns once more, then approves
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'return', comment: '共享条件需细化' });
    await s.complete(id, 'revise', 'gaj.cataloguer', {
      ...fields,
      resourceName: '常住人口基本信息',
      shareCondition: '政务服务身份核验, 经申请审批',
    });
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve', comment: '通过' });
    const inst = await s.instance(id);
    expect(inst.status).toBe('completed');
    const entryId = inst.variables.catalogEntryId as string;
    const entry = await getEntry(s.db, { username: 'x', unitId: 'wjj', roles: [] }, entryId);
    expect(entry).toMatchObject({ code: 'XC-GAJ-9001', unitId: 'gaj', currentVersion: 1, status: 'active' });
    expect(entry.fields).toMatchObject({
      resourceName: '常住人口基本信息',
      shareCondition: '政务服务身份核验, 经申请审批',
    });
    const events = await s.db
      .select({ kind: catalogEvents.kind })
      .from(catalogEvents)
      .where(eq(catalogEvents.instanceId, id));
    expect(events.map((e) => e.kind).sort()).toEqual(['registered', 'returned', 'returned']);
    const told = await s.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.instanceId, id), eq(notifications.userId, 'gaj.cataloguer')));
    expect(told.map((n) => n.title)).toEqual(['目录已发布：常住人口基本信息']);
  });

  it('reminds the reviewers once the review is overdue, on working days only, and ends 不予通过 on reject', async () => {
    await s.setNow('2026-03-02T09:00:00+08:00');
    const id = await s.start('catalog-registration', 'gaj.cataloguer', {
      ...fields,
      resourceCode: 'XC-GAJ-9002',
    });
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    const reminders = async () =>
      (
        await s.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.instanceId, id), eq(notifications.userId, 'reviewer')))
      ).filter((n) => n.kind === 'reminder').length;
    await s.setNow('2026-03-09T12:00:00+08:00'); // not yet due
    expect(await reminders()).toBe(0);
    await s.setNow('2026-03-10T08:00:00+08:00'); // past the deadline (3-9 23:59:59): overdue, reminded from 09:00
    expect((await s.openTasks(id)).map((t) => [t.elementId, t.overdue])).toEqual([
      ['authority-review', true],
    ]);
    expect(await reminders()).toBe(0);
    // the cycle fires every day at 09:00; the weekend's firings (3-14, 3-15) send nothing
    const counts: number[] = [];
    for (const day of ['10', '11', '12', '13', '14', '15', '16']) {
      await s.setNow(`2026-03-${day}T09:30:00+08:00`);
      counts.push(await reminders());
    }
    expect(counts).toEqual([1, 2, 3, 4, 4, 4, 5]);
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'reject', comment: '不属于公共数据' });
    const inst = await s.instance(id);
    expect(inst.status).toBe('completed');
    expect(inst.activeElementIds).toEqual([]);
    expect(inst.variables.catalogEntryId).toBeUndefined();
  });
});

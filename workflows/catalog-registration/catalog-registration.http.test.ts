/**
 * @module Scenario over HTTP: catalog registration — returned by the leader and by the reviewer (the draft kept
 * each time), published as version 1; 不予通过 with the reason kept; a start form that fails or a taken code (at start or on revise) saves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import {
  entryFields,
  type HttpScenario,
  openHttpScenario,
  taskTrail,
} from '../../server/testing/scenario-http';

describe.each(testDbKinds())('catalog-registration over HTTP on %s', (kind) => {
  let s: HttpScenario;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
  }, 120_000);
  afterAll(() => s?.close());

  const draftOf = async (instanceId: string) => {
    const revise = await s.openTask(instanceId, 'revise', 'gaj.cataloguer');
    expect(revise.assignee).toBe('gaj.cataloguer');
    const r = await s.get(`/api/tasks/${revise.id}`, 'gaj.cataloguer');
    expect(r.body.form.key).toBe('catalog-entry');
    return r.body.formData;
  };

  it('returns twice, keeps the draft each time, then publishes version 1 with every round in the history', async () => {
    // given 县公安局's cataloguer registers a full entry on Monday 2026-03-02
    await s.setClock('2026-03-02T09:00:00+08:00');
    const first = entryFields('XC-GAJ-8001');
    const id = await s.start('catalog-registration', 'gaj.cataloguer', first);
    const approval = await s.openTask(id, 'unit-approval', 'gaj.leader');
    expect(approval).toMatchObject({ unitId: 'gaj', candidateGroups: ['unit.leader'] });
    // (another unit's leader reaches neither the task nor the instance)
    expect((await s.get(`/api/tasks/${approval.id}`, 'wjj.leader')).status).toBe(404);
    expect((await s.get(`/api/process-instances/${id}`, 'wjj.leader')).status).toBe(404);

    // when the unit leader returns it
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'return', comment: '数据项不全' });
    // then the revise task opens with the submitted values
    expect(await draftOf(id)).toEqual(first);
    // when revised and approved by the leader
    const second = { ...first, resourceName: '常住人口基本信息' };
    await s.complete(id, 'revise', 'gaj.cataloguer', second);
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve', comment: '同意' });
    // then the authority's review is due in 5 working days (Mon 3-2 → Mon 3-9)
    const review = await s.openTask(id, 'authority-review', 'reviewer');
    expect(review).toMatchObject({ dueAt: '2026-03-09T15:59:59.000Z', overdue: false });
    // when the reviewer returns it (退回修改), the draft is the revised one
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'return', comment: '共享条件需细化' });
    expect(await draftOf(id)).toEqual(second);
    const third = { ...second, shareCondition: '政务服务身份核验, 经申请审批' };
    await s.complete(id, 'revise', 'gaj.cataloguer', third);
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve', comment: '通过' });

    // then the entry is published as version 1 with the last values, and the instance names it
    const done = await s.instance(id);
    expect(done).toMatchObject({ status: 'completed', activeElementIds: [] });
    const entryId = done.variables.catalogEntryId;
    expect(entryId).toEqual(expect.any(String));
    const found = await s.get('/api/catalog/entries?q=XC-GAJ-8001', 'wjj.cataloguer');
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      id: entryId,
      unitId: 'gaj',
      status: 'active',
      currentVersion: 1,
    });
    const entry = (await s.get(`/api/catalog/entries/${entryId}`, 'gaj.cataloguer')).body;
    expect(entry.fields).toEqual(third);
    expect(entry.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const told = (await s.get('/api/notifications', 'gaj.cataloguer')).body.items;
    expect(
      told.filter((n: { instanceId: string }) => n.instanceId === id).map((n: { title: string }) => n.title),
    ).toEqual(['目录已发布：常住人口基本信息']);
    // and the history has every round, with who decided
    const history = await s.history(id);
    const trail = taskTrail(history);
    expect(trail).toEqual([
      '+unit-approval',
      'unit-approval@gaj.leader',
      '+revise',
      'revise@gaj.cataloguer',
      '+unit-approval',
      'unit-approval@gaj.leader',
      '+authority-review',
      'authority-review@reviewer',
      '+revise',
      'revise@gaj.cataloguer',
      '+unit-approval',
      'unit-approval@gaj.leader',
      '+authority-review',
      'authority-review@reviewer',
    ]);
    const activated = history.filter((e) => e.type === 'element.activated').map((e) => e.elementId);
    expect(activated.filter((e) => e === 'record-return')).toHaveLength(2);
    expect(activated.filter((e) => e === 'publish-entry')).toHaveLength(1);
    expect(history.at(-1)?.type).toBe('instance.completed');
    // and the month's statistics count one registration and two returns for 县公安局
    const stats = await s.get('/api/supervision/stats?from=2026-03-01&to=2026-03-31', 'supervisor');
    expect(stats.body.items.find((u: { unitId: string }) => u.unitId === 'gaj')).toMatchObject({
      entriesRegistered: 1,
      entriesReturned: 2,
    });
  });

  it('ends 不予通过 with the reason kept and nothing published', async () => {
    // given a registration the leader approved
    const id = await s.start(
      'catalog-registration',
      'gaj.cataloguer',
      entryFields('XC-GAJ-8002', { resourceName: '临时人口' }),
    );
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    // when the reviewer rejects it
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'reject', comment: '不属于公共数据' });
    // then the instance ends with the decision and reason, no entry, and the cataloguer is told why
    const done = await s.instance(id);
    expect(done).toMatchObject({
      status: 'completed',
      activeElementIds: [],
      variables: { decision: 'reject', comment: '不属于公共数据' },
    });
    expect(done.variables.catalogEntryId).toBeUndefined();
    expect((await s.get('/api/catalog/entries?q=XC-GAJ-8002', 'reviewer')).body.total).toBe(0);
    const told = (await s.get('/api/notifications', 'gaj.cataloguer')).body.items.filter(
      (n: { instanceId: string }) => n.instanceId === id,
    );
    expect(told.map((n: { body: string }) => n.body)).toEqual([
      '资源目录“临时人口”审核不予通过。意见：不属于公共数据',
    ]);
    const history = await s.history(id);
    const review = history.find((e) => e.type === 'task.completed' && e.elementId === 'authority-review');
    expect(review?.actor).toBe('reviewer');
    expect(history.map((e) => e.elementId)).not.toContain('publish-entry');
    expect(history.at(-1)?.type).toBe('instance.completed');
  });

  it('refuses a conditional share without 共享条件 (422) and a code already taken (409) at start or on revise, saving nothing', async () => {
    const count = async () =>
      (await s.get('/api/process-instances?processKey=catalog-registration', 'reviewer')).body.total;
    const before = await count();
    // when the start form lacks the share condition that 有条件共享 requires
    const { shareCondition: _, ...noCondition } = entryFields('XC-GAJ-8003');
    const bad = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: noCondition,
    });
    // then 422 names the field, in Chinese
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details).toEqual([
      { path: '/shareCondition', field: '共享条件', message: '「共享条件」为必填项' },
    ]);
    // when the code belongs to a published entry
    const taken = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entryFields('XC-GAJ-8001'),
    });
    expect([taken.status, taken.body.error?.code]).toEqual([409, 'CONFLICT']);
    // then no instance was started and no entry exists
    expect(await count()).toBe(before);
    expect((await s.get('/api/catalog/entries?q=XC-GAJ-8003', 'reviewer')).body.total).toBe(0);

    // given a returned registration
    const id = await s.start('catalog-registration', 'gaj.cataloguer', entryFields('XC-GAJ-8004'));
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'return', comment: '代码有误' });
    const revise = await s.openTask(id, 'revise', 'gaj.cataloguer');
    // when the revision takes a published entry's code
    const clash = await s.post(`/api/tasks/${revise.id}/complete`, 'gaj.cataloguer', {
      variables: entryFields('XC-GAJ-8001'),
    });
    // then 409 now (not an incident at publish), and the draft is still the one to revise
    expect([clash.status, clash.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect(clash.body.error.message).toContain('XC-GAJ-8001');
    const still = (await s.get(`/api/tasks/${revise.id}`, 'gaj.cataloguer')).body;
    expect(still).toMatchObject({ status: 'open', formData: { resourceCode: 'XC-GAJ-8004' } });
    expect(
      (await s.history(id)).filter((e) => e.type === 'task.completed' && e.elementId === 'revise'),
    ).toEqual([]);
  });
});

/**
 * @module Scenario over HTTP: catalog change — a modification published as version 2, a retirement; refused with
 * nothing saved: a second open change (409), another unit's entry (403/404), anything on a retired entry (409).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../../server/testing/scenario-http';

describe.each(testDbKinds())('catalog-change over HTTP on %s', (kind) => {
  let s: HttpScenario;
  let gajEntry: string;
  let wjjEntry: string;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
    // given one published entry in each of 县公安局 and 县卫生健康局
    await s.setClock('2026-04-01T09:00:00+08:00');
    gajEntry = await s.publishEntry('gaj', entryFields('XC-GAJ-6001'));
    wjjEntry = await s.publishEntry(
      'wjj',
      entryFields('XC-WJJ-6001', {
        systemName: '全民健康信息平台',
        businessName: '健康档案',
        resourceName: '居民电子健康档案',
      }),
    );
  }, 120_000);
  afterAll(() => s?.close());

  const instances = async (processKey: string) =>
    (await s.get(`/api/process-instances?processKey=${processKey}`, 'reviewer')).body.total as number;
  const startChange = (as: string, variables: Record<string, unknown>) =>
    s.post('/api/process-instances', as, { processKey: 'catalog-change', variables });

  it('publishes a modification as version 2, refusing a second change meanwhile, another unit’s entry and an id that is not one', async () => {
    // given 县公安局's cataloguer asks to change the update cycle
    const id = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId: gajEntry,
      changeType: 'modify',
      reason: '更新周期调整为实时',
      changes: { updateCycle: 'realtime' },
    });
    // then the reviewer will see the difference against version 1
    expect((await s.instance(id)).variables).toMatchObject({
      baseVersion: 1,
      fieldChanges: [{ field: 'updateCycle', before: 'daily', after: 'realtime' }],
    });
    const opened = await instances('catalog-change');
    // when a second change on the same entry is asked for while this one is open
    const second = await startChange('gaj.cataloguer', {
      entryId: gajEntry,
      changeType: 'retire',
      reason: '系统下线',
    });
    // then it is a conflict
    expect([second.status, second.body.error?.code]).toEqual([409, 'CONFLICT']);
    // when 县公安局 asks to change 县卫生健康局's entry
    const foreign = await startChange('gaj.cataloguer', {
      entryId: wjjEntry,
      changeType: 'modify',
      reason: '代为修改',
      changes: { updateCycle: 'weekly' },
    });
    // then it is refused; so is the entry's code given where its id belongs (404, not a database error)
    expect([403, 404]).toContain(foreign.status);
    const byCode = await startChange('gaj.cataloguer', {
      entryId: 'XC-GAJ-6001',
      changeType: 'retire',
      reason: '系统下线',
    });
    expect([byCode.status, byCode.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    // and none of the refusals started anything
    expect(await instances('catalog-change')).toBe(opened);
    expect((await s.get(`/api/catalog/entries/${wjjEntry}`, 'wjj.cataloguer')).body).toMatchObject({
      currentVersion: 1,
      openChangeInstanceId: null,
    });

    // when the leader and the reviewer approve
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve', comment: '同意变更' });
    // then version 2 is current with the change, version 1 is kept as it was
    expect(await s.instance(id)).toMatchObject({ status: 'completed', activeElementIds: [] });
    const found = (await s.get('/api/catalog/entries?q=XC-GAJ-6001', 'wjj.feedback')).body.items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: gajEntry,
      status: 'active',
      currentVersion: 2,
      fields: { updateCycle: 'realtime' },
    });
    expect(
      found[0].versions.map((v: { version: number; fields: { updateCycle: string } }) => [
        v.version,
        v.fields.updateCycle,
      ]),
    ).toEqual([
      [2, 'realtime'],
      [1, 'daily'],
    ]);
    expect(found[0].fields).toEqual({ ...entryFields('XC-GAJ-6001'), updateCycle: 'realtime' });
    const history = await s.history(id);
    expect(history.filter((e) => e.type === 'task.completed').map((e) => [e.elementId, e.actor])).toEqual([
      ['unit-approval', 'gaj.leader'],
      ['authority-review', 'reviewer'],
    ]);
    expect(history.at(-1)?.type).toBe('instance.completed');
  });

  it('retires the entry; afterwards a change or a problem report on it is a conflict that saves nothing', async () => {
    // given a retirement request, approved
    const id = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId: gajEntry,
      changeType: 'retire',
      reason: '系统已整合至市级平台',
    });
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve' });
    // then the entry is retired, its published versions kept
    expect(await s.instance(id)).toMatchObject({ status: 'completed' });
    const entry = (await s.get(`/api/catalog/entries/${gajEntry}`, 'gaj.cataloguer')).body;
    expect(entry).toMatchObject({ status: 'retired', currentVersion: 2 });
    expect((await s.history(id)).filter((e) => e.type === 'task.completed')).toHaveLength(2);
    const changes = await instances('catalog-change');
    const problems = await instances('data-problem');
    // when a change is asked for on the retired entry
    const change = await startChange('gaj.cataloguer', {
      entryId: gajEntry,
      changeType: 'modify',
      reason: '恢复',
      changes: { updateCycle: 'daily' },
    });
    // then 409, nothing started, the entry as it was
    expect([change.status, change.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect(await instances('catalog-change')).toBe(changes);
    // and a problem reported on it is refused the same way rather than started
    const report = await s.post('/api/process-instances', 'wjj.feedback', {
      processKey: 'data-problem',
      variables: { entryId: gajEntry, problemType: 'error', description: '已注销仍在使用', urgent: false },
    });
    expect([report.status, report.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect(await instances('data-problem')).toBe(problems);
    expect((await s.get(`/api/catalog/entries/${gajEntry}`, 'gaj.cataloguer')).body).toMatchObject({
      status: 'retired',
      currentVersion: 2,
      openChangeInstanceId: null,
    });
  });
});

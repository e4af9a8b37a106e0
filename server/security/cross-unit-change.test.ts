/**
 * @module Security (issue #15, cross-unit catalog change): a cataloguer cannot retire or rewrite another unit's
 * entry through a change request: not at the start, not by naming another entry in `revise`, and the service
 * tasks that lock and apply the change refuse an entry of another unit than the starter's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { assertEntryOfStarterUnit } from '../../workflows/catalog-change/job-checks';
import { entryFields, type HttpScenario, openHttpScenario } from '../testing/scenario-http';

describe.each(testDbKinds())('cross-unit catalog change, over HTTP on %s', (kind) => {
  let s: HttpScenario;
  let gajEntry: string;
  let gajOther: string;
  let wjjEntry: string;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
    await s.setClock('2026-04-01T09:00:00+08:00');
    // given entries of 县公安局 and one of 县卫生健康局, each system in its unit's census
    for (const [unit, name] of [
      ['gaj', '人口信息管理系统'],
      ['wjj', '全民健康信息平台'],
    ]) {
      const r = await s.post('/api/catalog/systems', `${unit}.cataloguer`, { name });
      expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
    }
    gajEntry = await s.publishEntry('gaj', entryFields('XC-GAJ-7701'));
    gajOther = await s.publishEntry('gaj', entryFields('XC-GAJ-7702', { resourceName: '暂住人口信息' }));
    wjjEntry = await s.publishEntry(
      'wjj',
      entryFields('XC-WJJ-7701', { systemName: '全民健康信息平台', resourceName: '居民电子健康档案' }),
    );
  }, 180_000);
  afterAll(() => s?.close());

  const entry = async (id: string) => (await s.get(`/api/catalog/entries/${id}`, 'reviewer')).body;

  it('given a returned change request of 县公安局, when revise names 县卫生健康局’s entry or another entry, then 403 / 422 in Chinese and nothing moves', async () => {
    // given 县公安局's change on its own entry, returned by its leader to the cataloguer
    const id = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId: gajEntry,
      changeType: 'modify',
      reason: '更新周期调整',
      changes: { updateCycle: 'weekly' },
    });
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'return', comment: '请补充理由' });
    const revise = await s.openTask(id, 'revise', 'gaj.cataloguer');
    const completeRevise = (variables: Record<string, unknown>) =>
      s.post(`/api/tasks/${revise.id}/complete`, 'gaj.cataloguer', { variables });
    // when the revision retires 县卫生健康局's entry instead
    const foreign = await completeRevise({ entryId: wjjEntry, changeType: 'retire', reason: '系统下线' });
    // then it is forbidden, in Chinese
    expect([foreign.status, foreign.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect(foreign.body.error.message).toBe('只能对本单位的目录条目申请变更');
    // when it names another entry of the same unit, then the entry may not be replaced (422 naming the field)
    const other = await completeRevise({ entryId: gajOther, changeType: 'retire', reason: '合并' });
    expect([other.status, other.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(other.body.error.details).toEqual([
      expect.objectContaining({
        path: '/entryId',
        message: '「目录条目」不能更换：变更申请针对发起时选定的条目',
      }),
    ]);
    // and nothing moved: the task is still open, the other entries neither locked nor retired
    expect((await s.openTask(id, 'revise', 'gaj.cataloguer')).id).toBe(revise.id);
    for (const e of [wjjEntry, gajOther])
      expect(await entry(e)).toMatchObject({
        status: 'active',
        openChangeInstanceId: null,
        currentVersion: 1,
      });
    // when the revision keeps its entry, then it goes on
    const kept = await completeRevise({
      entryId: gajEntry,
      changeType: 'modify',
      reason: '更新周期调整为每周，已补充理由',
      changes: { updateCycle: 'weekly' },
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
  });

  it('given a change job whose entry is another unit’s than the starter’s, when the worker’s check runs, then it refuses in Chinese', async () => {
    const job = {
      tx: s.server.deps.db,
      instanceId: '00000000-0000-0000-0000-000000000000',
      processKey: 'catalog-change',
      elementId: 'check-change',
      jobType: 'catalog.check-change',
      headers: {},
      variables: { entryId: wjjEntry, initiatorUnitId: 'gaj' },
    };
    await expect(assertEntryOfStarterUnit(job)).rejects.toThrow(
      /XC-WJJ-7701 属于县卫生健康局，不能由其他单位（gaj）发起的流程变更或注销/,
    );
    await expect(
      assertEntryOfStarterUnit({ ...job, variables: { entryId: gajEntry, initiatorUnitId: 'gaj' } }),
    ).resolves.toBeUndefined();
  });
});

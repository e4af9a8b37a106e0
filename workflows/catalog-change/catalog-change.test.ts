/** @module Scenario: catalog change through the runtime — one open change per entry, return loop, next version, reject, retire. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { checkBeforeStart } from '..';
import { assertChangeAllowed, getEntry } from '../catalog';
import { findEntryByCode } from '../catalog/store';
import { seedDemoCatalog } from '../demo/seed-demo-catalog';
import { demoUser, openScenario } from '../scenario-testing';

describe.each(testDbKinds())('catalog-change scenario on %s', (kind) => {
  let s: Awaited<ReturnType<typeof openScenario>>;
  let entryId: string;
  const cataloguer = demoUser('gaj.cataloguer');
  beforeAll(async () => {
    s = await openScenario(kind, '2026-04-01T09:00:00+08:00');
    await seedDemoCatalog(s.db, new Date('2026-01-05T09:00:00+08:00'));
    entryId = (await findEntryByCode(s.db, 'XC-GAJ-0003'))?.id as string;
  }, 60_000);
  afterAll(() => s?.close());

  it('publishes version 2 after a return loop, refusing a second change meanwhile', async () => {
    // given no open change, a modify request starts
    await assertChangeAllowed(s.db, entryId, { actor: cataloguer });
    const id = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId,
      changeType: 'modify',
      reason: '更新周期调整为实时',
      changes: { updateCycle: 'realtime' },
    });
    expect((await s.instance(id)).variables).toMatchObject({
      entryCode: 'XC-GAJ-0003',
      baseVersion: 1,
      fieldChanges: [{ field: 'updateCycle', before: 'daily', after: 'realtime' }],
    });
    // then a second change is refused before it starts (the route answers 409)
    await expect(checkBeforeStart(s.db, 'catalog-change', { entryId }, cataloguer)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      checkBeforeStart(s.db, 'catalog-change', { entryId }, demoUser('wjj.cataloguer')),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      assertChangeAllowed(s.db, entryId, {
        actor: cataloguer,
        isInstanceActive: async (i) => (await s.instance(i)).status === 'active',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // when returned by the unit leader and revised
    await s.complete(id, 'unit-approval', 'gaj.leader', {
      decision: 'return',
      comment: '请同时补充开放条件',
    });
    const [revise] = await s.openTasks(id);
    expect(revise).toMatchObject({
      elementId: 'revise',
      assignee: 'gaj.cataloguer',
      formKey: 'catalog-change-request',
    });
    await s.complete(id, 'revise', 'gaj.cataloguer', {
      entryId,
      changeType: 'modify',
      reason: '更新周期调整为实时, 补充开放条件',
      changes: { updateCycle: 'realtime', openCondition: '按车辆类型汇总后开放' },
    });
    // the reviewer's difference is recomputed from the revised request
    expect((await s.instance(id)).variables.fieldChanges).toEqual([
      { field: 'openCondition', before: '脱敏后按统计口径开放', after: '按车辆类型汇总后开放' },
      { field: 'updateCycle', before: 'daily', after: 'realtime' },
    ]);
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve' });
    // then version 2 is current, version 1 kept, and the entry is free again
    expect((await s.instance(id)).status).toBe('completed');
    const entry = await getEntry(s.db, cataloguer, entryId);
    expect(entry).toMatchObject({ currentVersion: 2, status: 'active', openChangeInstanceId: null });
    expect(entry.fields).toMatchObject({
      updateCycle: 'realtime',
      openCondition: '按车辆类型汇总后开放',
      resourceCode: 'XC-GAJ-0003',
    });
    expect(entry.versions.map((v) => [v.version, v.fields.updateCycle])).toEqual([
      [2, 'realtime'],
      [1, 'daily'],
    ]);
    await assertChangeAllowed(s.db, entryId);
  });

  it('frees the entry when a retirement is rejected, retires it when approved, and stops a change that skipped the check', async () => {
    const rejected = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId,
      changeType: 'retire',
      reason: '系统下线',
    });
    await s.complete(rejected, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    await s.complete(rejected, 'authority-review', 'reviewer', {
      decision: 'reject',
      comment: '仍有共享需求',
    });
    expect((await s.instance(rejected)).status).toBe('completed');
    await assertChangeAllowed(s.db, entryId);
    const retire = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId,
      changeType: 'retire',
      reason: '系统已整合至市级平台',
    });
    // a change started without the pre-check stops at check-change and never reaches a person
    const sneaky = await s.start('catalog-change', 'gaj.cataloguer', {
      entryId,
      changeType: 'modify',
      reason: '再次调整',
      changes: { updateCycle: 'weekly' },
    });
    expect((await s.openTasks(sneaky)).length).toBe(0);
    expect((await s.instance(sneaky)).activeElementIds).toEqual(['check-change']);
    await s.complete(retire, 'unit-approval', 'gaj.leader', { decision: 'approve' });
    await s.complete(retire, 'authority-review', 'reviewer', { decision: 'approve' });
    expect((await getEntry(s.db, cataloguer, entryId)).status).toBe('retired');
    await expect(assertChangeAllowed(s.db, entryId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

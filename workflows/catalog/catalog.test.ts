/** @module Catalog services and workers on a real database: publish, census, change lock, next version, retire. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { testDbKinds } from '../../platform/db/testing';
import { makeJob, openDomainDb, testDeps } from '../testing';
import {
  addSystem,
  assertChangeAllowed,
  assertCodeAvailable,
  createCatalogWorkers,
  editSystem,
  getEntry,
  listEntries,
  listSystems,
} from '.';

const cataloguer = { username: 'gaj.cataloguer', unitId: 'gaj', roles: ['unit.cataloguer'] };
const otherUnit = { username: 'wjj.cataloguer', unitId: 'wjj', roles: ['unit.cataloguer'] };
const entryVars = (code: string) => ({
  initiator: 'gaj.cataloguer',
  initiatorUnitId: 'gaj',
  systemName: '人口信息管理系统',
  businessName: '户籍管理',
  resourceName: '常住人口基本信息',
  resourceCode: code,
  category: 'basic',
  dataItems: [{ name: '公民身份号码', type: 'string', length: 18, sensitive: true }],
  storageFormat: 'database',
  shareType: 'unconditional',
  openType: 'forbidden',
  provision: 'api',
  updateCycle: 'daily',
  sharePeriod: 'long-term',
  decision: 'approve',
});

describe.each(testDbKinds())('catalog on %s', (kind) => {
  let database: Database;
  const deps = testDeps('2026-03-02T10:00:00+08:00');
  const w = createCatalogWorkers(deps);
  beforeAll(async () => {
    database = await openDomainDb(kind);
    // 普查 first: publishing needs the system in the unit's census (census.test.ts covers the refusal).
    await addSystem(database.db, cataloguer, { name: '人口信息管理系统' });
  }, 60_000);
  afterAll(() => database?.close());

  it('publishes a registration as version 1 linked to its census system, and refuses the same code for another instance', async () => {
    // given an approved registration
    const job = makeJob(database.db, 'catalog.publish-entry', entryVars('T-REG-1'));
    // when the publish worker runs (twice: a retried job must not publish twice)
    const first = await w['catalog.publish-entry'](job);
    const again = await w['catalog.publish-entry'](job);
    // then the entry exists once, version 1, visible county-wide
    const id = first?.variables?.catalogEntryId as string;
    expect(again?.variables?.catalogEntryId).toBe(id);
    const view = await getEntry(database.db, otherUnit, id);
    expect(view).toMatchObject({
      code: 'T-REG-1',
      unitId: 'gaj',
      unitName: '县公安局',
      status: 'active',
      currentVersion: 1,
    });
    expect(view.fields.resourceName).toBe('常住人口基本信息');
    expect(view.fields).not.toHaveProperty('decision');
    expect(view.openChangeInstanceId).toBeUndefined();
    const [system] = (await listSystems(database.db, 'gaj')).filter((s) => s.name === '人口信息管理系统');
    expect(view.systemId).toBe(system.id);
    await expect(assertCodeAvailable(database.db, 'T-REG-1')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      w['catalog.publish-entry'](makeJob(database.db, 'catalog.publish-entry', entryVars('T-REG-1'))),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets a cataloguer keep the census of their own unit only', async () => {
    const sys = await addSystem(database.db, cataloguer, {
      name: '治安管理信息系统',
      description: '治安案件',
    });
    await expect(addSystem(database.db, cataloguer, { name: '治安管理信息系统' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(editSystem(database.db, otherUnit, sys.id, { name: '改名' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const edited = await editSystem(database.db, cataloguer, sys.id, { description: '治安案件与行政处罚' });
    expect(edited.description).toBe('治安案件与行政处罚');
    await expect(
      addSystem(database.db, { ...cataloguer, roles: ['unit.leader'] }, { name: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('locks an entry for one change, publishes the next version with a diff, then retires it', async () => {
    // given a published entry
    const pub = await w['catalog.publish-entry'](
      makeJob(database.db, 'catalog.publish-entry', entryVars('T-CHG-1')),
    );
    const entryId = pub?.variables?.catalogEntryId as string;
    await assertChangeAllowed(database.db, entryId, { actor: cataloguer });
    await expect(assertChangeAllowed(database.db, entryId, { actor: otherUnit })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // when a change checks in, a second change is refused before and after start
    const change = {
      initiator: 'gaj.cataloguer',
      initiatorUnitId: 'gaj',
      entryId,
      changeType: 'modify',
      reason: '更新周期调整',
      changes: { updateCycle: 'realtime', resourceCode: 'HIJACK' },
    };
    const job = makeJob(database.db, 'catalog.check-change', change);
    const checked = await w['catalog.check-change'](job);
    expect(checked?.variables).toMatchObject({
      entryCode: 'T-CHG-1',
      baseVersion: 1,
      changeTypeName: '变更',
      fieldChanges: [{ field: 'updateCycle', before: 'daily', after: 'realtime' }],
    });
    await expect(assertChangeAllowed(database.db, entryId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await assertChangeAllowed(database.db, entryId, { isInstanceActive: async () => false });
    await expect(
      w['catalog.check-change'](makeJob(database.db, 'catalog.check-change', change)),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // then approval publishes version 2 (the code never changes) and frees the entry
    await w['catalog.apply-change']({ ...job, jobType: 'catalog.apply-change' });
    const v2 = await getEntry(database.db, cataloguer, entryId);
    expect(v2).toMatchObject({ code: 'T-CHG-1', currentVersion: 2, openChangeInstanceId: null });
    expect(v2.fields.updateCycle).toBe('realtime');
    expect(v2.fields.resourceCode).toBe('T-CHG-1');
    expect(v2.versions.map((v) => [v.version, v.fields.updateCycle])).toEqual([
      [2, 'realtime'],
      [1, 'daily'],
    ]);
    // and a retirement ends it; nothing more can change
    const retire = makeJob(database.db, 'catalog.check-change', { ...change, changeType: 'retire' });
    await w['catalog.check-change'](retire);
    await w['catalog.apply-change'](retire);
    expect((await getEntry(database.db, cataloguer, entryId)).status).toBe('retired');
    await expect(assertChangeAllowed(database.db, entryId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      w['catalog.check-change'](makeJob(database.db, 'catalog.check-change', change)),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('releases the lock when a change is rejected', async () => {
    const pub = await w['catalog.publish-entry'](
      makeJob(database.db, 'catalog.publish-entry', entryVars('T-REJ-1')),
    );
    const entryId = pub?.variables?.catalogEntryId as string;
    const job = makeJob(database.db, 'catalog.check-change', {
      initiatorUnitId: 'gaj',
      entryId,
      changeType: 'retire',
      reason: 'x',
    });
    await w['catalog.check-change'](job);
    await expect(assertChangeAllowed(database.db, entryId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await w['catalog.release-change'](job);
    await expect(assertChangeAllowed(database.db, entryId)).resolves.toMatchObject({ id: entryId });
  });

  it('lists by unit and text; shows an open change only to the owner unit and the authority', async () => {
    const pub = await w['catalog.publish-entry'](
      makeJob(database.db, 'catalog.publish-entry', {
        ...entryVars('T-VIS-1'),
        resourceName: '暂住人口信息',
      }),
    );
    const entryId = pub?.variables?.catalogEntryId as string;
    const job = makeJob(database.db, 'catalog.check-change', {
      initiatorUnitId: 'gaj',
      entryId,
      changeType: 'retire',
      reason: 'x',
    });
    await w['catalog.check-change'](job);
    expect((await getEntry(database.db, cataloguer, entryId)).openChangeInstanceId).toBe(job.instanceId);
    expect(
      (
        await getEntry(
          database.db,
          { username: 'reviewer', unitId: 'dsj', roles: ['authority.reviewer'] },
          entryId,
        )
      ).openChangeInstanceId,
    ).toBe(job.instanceId);
    expect((await getEntry(database.db, otherUnit, entryId)).openChangeInstanceId).toBeUndefined();
    expect((await listEntries(database.db, otherUnit, { q: '暂住' })).map((e) => e.code)).toEqual([
      'T-VIS-1',
    ]);
    expect(await listEntries(database.db, otherUnit, { unitId: 'wjj' })).toEqual([]);
    await expect(
      getEntry(database.db, otherUnit, '00000000-0000-0000-0000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

/**
 * @module 唯一性 within the catalog over HTTP (#18 item 5): an administrator switches 信息资源名称 and 信息资源代码 to
 * `x-unique: "catalog"` and deploys; a registration repeating another entry's name or code is then a 422 naming the
 * field in Chinese (English on request) and starts nothing; a unique one starts; a 目录变更 keeping its own name
 * passes, taking another entry's name does not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../../server/testing/scenario-http';
import { valueTakenInCatalog } from './unique-values';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The shipped form with the 唯一性 switch on the named properties (of `changes` too, for the change request). */
function withUnique(file: string, names: string[]) {
  const form = JSON.parse(read(file));
  for (const props of [form.schema.properties, form.schema.properties.changes?.properties])
    for (const n of names) if (props?.[n]) props[n]['x-unique'] = 'catalog';
  return JSON.stringify(form);
}

describe.each(testDbKinds())('唯一性 within the catalog over HTTP on %s', (kind) => {
  let s: HttpScenario;
  let gajEntry: string;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
    // given two published entries: 县公安局's 常住人口信息 (XC-GAJ-7001) and 县卫生健康局's 居民电子健康档案
    await s.setClock('2026-04-01T09:00:00+08:00');
    gajEntry = await s.publishEntry('gaj', entryFields('XC-GAJ-7001'));
    await s.publishEntry(
      'wjj',
      entryFields('XC-WJJ-7001', {
        systemName: '全民健康信息平台',
        businessName: '健康档案',
        resourceName: '居民电子健康档案',
      }),
    );
    // and the administrator has switched 唯一性 on for the name and the code and deployed both processes again
    const deployed = await s.post('/api/deployments', 'admin', {
      name: '唯一性',
      resources: [
        { name: 'catalog-registration.bpmn', content: read('catalog-registration/process.bpmn') },
        {
          name: 'catalog-entry.form.json',
          content: withUnique('catalog-registration/catalog-entry.form.json', [
            'resourceName',
            'resourceCode',
          ]),
        },
        { name: 'catalog-change.bpmn', content: read('catalog-change/process.bpmn') },
        {
          name: 'catalog-change-request.form.json',
          content: withUnique('catalog-change/catalog-change-request.form.json', ['resourceName']),
        },
      ],
    });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
  }, 180_000);
  afterAll(() => s?.close());

  const total = async (processKey: string): Promise<number> =>
    (await s.get(`/api/process-instances?processKey=${processKey}&pageSize=100`, 'admin')).body.total;
  const register = (as: string, variables: Record<string, unknown>) =>
    s.post('/api/process-instances', as, { processKey: 'catalog-registration', variables });

  it('refuses a registration repeating another entry’s 信息资源名称, in Chinese naming the field, starting nothing', async () => {
    const before = await total('catalog-registration');
    // when 县卫生健康局 registers a new code under 县公安局's resource name
    const dup = await register(
      'wjj.cataloguer',
      entryFields('XC-WJJ-7002', { systemName: '全民健康信息平台', resourceName: '常住人口信息' }),
    );
    // then a 422 names 信息资源名称 and nothing started
    expect(dup.status).toBe(422);
    expect(dup.body.error.details).toEqual([
      expect.objectContaining({
        path: '/resourceName',
        message: '「信息资源名称」“常住人口信息”已被其他目录条目使用，须在资源目录中唯一',
      }),
    ]);
    expect(await total('catalog-registration')).toBe(before);
  });

  it('refuses a repeated 信息资源代码 (English on request) and accepts a unique name and code', async () => {
    const before = await total('catalog-registration');
    // when the code of 居民电子健康档案 is registered again under a new name, asking for English
    const res = await s.server.request('/api/process-instances', {
      method: 'POST',
      as: 'wjj.cataloguer',
      headers: { 'accept-language': 'en' },
      json: {
        processKey: 'catalog-registration',
        variables: entryFields('XC-WJJ-7001', {
          systemName: '全民健康信息平台',
          resourceName: '疫苗接种记录',
        }),
      },
    });
    const body = (await res.json()) as { error: { details: { path: string; message: string }[] } };
    // then the refusal names the field in English and nothing started
    expect(res.status).toBe(422);
    expect(body.error.details).toEqual([
      expect.objectContaining({
        path: '/resourceCode',
        message: expect.stringMatching(
          /^Resource code "XC-WJJ-7001" is already used by another catalog entry/i,
        ),
      }),
    ]);
    expect(await total('catalog-registration')).toBe(before);
    // when both are new, then it starts
    const ok = await register(
      'wjj.cataloguer',
      entryFields('XC-WJJ-7003', { systemName: '全民健康信息平台', resourceName: '疫苗接种记录' }),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('lets a 目录变更 keep its own name but not take another entry’s', async () => {
    const before = await total('catalog-change');
    // when 县公安局 changes its entry naming the other entry's resource
    const taken = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-change',
      variables: {
        entryId: gajEntry,
        changeType: 'modify',
        reason: '更名',
        changes: { resourceName: '居民电子健康档案' },
      },
    });
    // then it is refused on changes/resourceName, and nothing started
    expect(taken.status).toBe(422);
    expect(taken.body.error.details).toEqual([
      expect.objectContaining({
        path: '/changes/resourceName',
        message: expect.stringContaining('已被其他目录条目使用'),
      }),
    ]);
    expect(await total('catalog-change')).toBe(before);
    // when it changes its update cycle and repeats its own name, then it does not clash with itself
    const own = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-change',
      variables: {
        entryId: gajEntry,
        changeType: 'modify',
        reason: '更新周期调整',
        changes: { resourceName: '常住人口信息', updateCycle: 'weekly' },
      },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
  });

  it('leaves retired entries out and ignores ids that are not entries', async () => {
    const { db } = s.server.deps;
    expect(await valueTakenInCatalog(db, 'resourceName', '常住人口信息', ['XC-GAJ-7001'])).toBe(true);
    expect(await valueTakenInCatalog(db, 'resourceName', '常住人口信息', [gajEntry])).toBe(false);
    expect(await valueTakenInCatalog(db, 'businessName', ' 健康档案 ')).toBe(true);
  });
});

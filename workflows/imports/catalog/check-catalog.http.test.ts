/**
 * @module 唯一性 in the catalog import (#18): with 信息资源名称 switched to `x-unique: "catalog"`, a workbook row
 * repeating a stored entry's name, or another row's name in the same file, is reported on its row in Chinese (English
 * beside it) and the commit writes nothing; re-importing a stored entry with its own name passes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../../platform/db/testing';
import { createTestServer, type TestServer } from '../../../server/testing/test-server';
import { ENTRY_HEADERS, entryRow, ITEM_HEADERS, SYSTEM_HEADERS, workbookOf } from '../testing';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The shipped registration form with 唯一性 on 信息资源名称. */
function formWithUniqueName() {
  const form = JSON.parse(read('catalog-registration/catalog-entry.form.json'));
  form.schema.properties.resourceName['x-unique'] = 'catalog';
  return JSON.stringify(form);
}

const catalogFile = (rows: unknown[][]) =>
  workbookOf({
    目录: [ENTRY_HEADERS, ...rows],
    数据项: [ITEM_HEADERS, ...rows.map((r) => [r[1], '字段', '字符', 10, '否'])],
  });
const row = (code: string, name: string, o: Record<string, unknown> = {}) =>
  entryRow('gaj', code, '人口信息管理系统', { 信息资源名称: name, ...o });

describe.each(testDbKinds())('唯一性 in the catalog import on %s', (kind) => {
  let server: TestServer;
  async function upload(file: Buffer, dryRun: boolean, lang?: string) {
    const form = new FormData();
    form.set('file', new File([file as BlobPart], 'catalog.xlsx'));
    const res = await server.request(`/api/imports/catalog?dryRun=${dryRun}`, {
      method: 'POST',
      as: 'gaj.cataloguer',
      body: form,
      headers: lang ? { 'accept-language': lang } : undefined,
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  const entryTotal = async () =>
    ((await (await server.request('/api/catalog/entries?pageSize=1', { as: 'reviewer' })).json()) as any)
      .total as number;

  beforeAll(async () => {
    server = await createTestServer(kind);
    // given the census and one stored entry, 常住人口信息 (XC-GAJ-0301)
    const systems = await workbookOf({
      信息系统: [SYSTEM_HEADERS, ['gaj', '人口信息管理系统', '', '自建', '', '', '', '本地机房', '']],
    });
    const form = new FormData();
    form.set('file', new File([systems as BlobPart], 'systems.xlsx'));
    const s = await server.request('/api/imports/systems?dryRun=false', {
      method: 'POST',
      as: 'gaj.cataloguer',
      body: form,
    });
    expect(s.status).toBe(200);
    // and two entries sharing 户籍迁移信息 from before 唯一性 was switched on
    const first = await upload(
      await catalogFile([
        row('XC-GAJ-0301', '常住人口信息'),
        row('XC-GAJ-0306', '户籍迁移信息'),
        row('XC-GAJ-0307', '户籍迁移信息'),
      ]),
      false,
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ created: 3, errors: [] });
    // and the administrator has switched 唯一性 on for 信息资源名称
    const deployed = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: {
        name: '唯一性',
        resources: [
          { name: 'catalog-registration.bpmn', content: read('catalog-registration/process.bpmn') },
          { name: 'catalog-entry.form.json', content: formWithUniqueName() },
        ],
      },
    });
    expect(deployed.status, await deployed.clone().text()).toBe(201);
  }, 180_000);
  afterAll(() => server?.close());

  it('given a row repeating a stored name and two rows repeating each other, when committed, then 422 names each row in Chinese and nothing is written', async () => {
    const before = await entryTotal();
    const file = await catalogFile([
      row('XC-GAJ-0302', '常住人口信息'),
      row('XC-GAJ-0303', '流动人口信息'),
      row('XC-GAJ-0304', ' 流动人口信息 '),
      row('XC-GAJ-0305', '暂住证信息'),
    ]);
    // when
    const r = await upload(file, false);
    // then
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    expect(r.body.error.details.errors).toEqual([
      {
        sheet: '目录',
        row: 4,
        column: '信息资源名称',
        message: '「信息资源名称」“流动人口信息”在本文件中重复（第 3 行已有），须在资源目录中唯一',
      },
      {
        sheet: '目录',
        row: 2,
        column: '信息资源名称',
        message: '「信息资源名称」“常住人口信息”已被其他目录条目使用，须在资源目录中唯一',
      },
    ]);
    expect(await entryTotal()).toBe(before);
    // and the dry run says the same, in English on request
    const en = await upload(file, true, 'en');
    expect(en.status).toBe(200);
    expect(en.body.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [
        4,
        'Resource name "流动人口信息" is repeated in this file (row 3 has it); it must be unique in the catalog',
      ],
      [2, expect.stringMatching(/"常住人口信息" is already used by another catalog entry/)],
    ]);
  });

  it('given the stored entry re-imported with its own name and a changed field, when committed, then it is updated', async () => {
    const r = await upload(
      await catalogFile([row('XC-GAJ-0301', '常住人口信息', { 业务名称: '人口管理' })]),
      false,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ updated: 1, errors: [] });
  });

  it('given the two entries that shared a name before 唯一性, when re-imported unchanged, then nothing is reported; when one is changed, then its row is', async () => {
    const same = await upload(
      await catalogFile([row('XC-GAJ-0306', '户籍迁移信息'), row('XC-GAJ-0307', '户籍迁移信息')]),
      false,
    );
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({ unchanged: 2, errors: [] });
    const changed = await upload(
      await catalogFile([
        row('XC-GAJ-0306', '户籍迁移信息'),
        row('XC-GAJ-0307', '户籍迁移信息', { 业务名称: '户籍迁移' }),
      ]),
      true,
    );
    expect(changed.body.errors).toEqual([
      {
        sheet: '目录',
        row: 3,
        column: '信息资源名称',
        message: '「信息资源名称」“户籍迁移信息”已被其他目录条目使用，须在资源目录中唯一',
      },
    ]);
  });
});

/**
 * @module Excel import and export over HTTP (docs/api.md "Import and export"): templates, dry run, all-or-nothing commit,
 * idempotent re-import, scope per role, the catalog round trip, and every bad input writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { auditLog } from '../../platform/audit';
import {
  ENTRY_HEADERS,
  entryRow,
  ITEM_HEADERS,
  SYSTEM_HEADERS,
  sheetsOf,
  workbookOf,
} from '../../workflows/imports/testing';
import { ensureSecurityAdmin } from '../testing/security-admin';
import { createTestServer, type TestServer } from '../testing/test-server';

type Report = {
  kind: string;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { sheet: string; row: number; column: string; message: string }[];
  oneTimePasswords?: { username: string; oneTimePassword: string }[];
};

describe.each(testDbKinds())('imports on %s', (kind) => {
  let server: TestServer;
  let security: string;
  beforeAll(async () => {
    server = await createTestServer(kind);
    security = await ensureSecurityAdmin(server);
  }, 120_000);
  afterAll(() => server?.close());

  async function upload(
    what: string,
    file: Buffer | Uint8Array | string,
    as: string,
    dryRun: boolean,
    name = 'import.xlsx',
  ) {
    const form = new FormData();
    form.set('file', new File([file as BlobPart], name));
    const res = await server.request(`/api/imports/${what}?dryRun=${dryRun}`, {
      method: 'POST',
      as,
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  const dry = async (what: string, file: Buffer | string, as: string) => {
    const r = await upload(what, file, as, true);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Report;
  };
  const commit = async (what: string, file: Buffer, as: string) => {
    const r = await upload(what, file, as, false);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Report;
  };
  const entryTotal = async () =>
    ((await (await server.request('/api/catalog/entries?pageSize=1', { as: 'reviewer' })).json()) as any)
      .total as number;

  describe('templates', () => {
    it('given each kind, when its template is downloaded, then the first row holds the Chinese headers and a 说明 sheet explains them', async () => {
      const expected: Record<string, [string, string[]][]> = {
        units: [['单位', ['单位代码', '单位名称', '单位类型', '状态']]],
        users: [['用户', ['用户名', '姓名', '单位代码', '角色']]],
        catalog: [
          ['目录', ENTRY_HEADERS],
          ['数据项', ITEM_HEADERS],
        ],
        systems: [['信息系统', SYSTEM_HEADERS]],
      };
      for (const [what, sheets] of Object.entries(expected)) {
        const as = what === 'units' || what === 'users' ? security : 'gaj.cataloguer';
        const res = await server.request(`/api/imports/${what}/template.xlsx`, { as });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
        const book = await sheetsOf(await res.arrayBuffer());
        for (const [name, headers] of sheets) expect(book[name]).toEqual([headers]);
        expect(book.说明![0]).toEqual(['工作表', '列', '是否必填', '填写说明']);
        expect(book.说明!.length).toBeGreaterThan(3);
      }
      // the catalog's lists come from the form: its labels are in the notes
      const res = await server.request('/api/imports/catalog/template.xlsx', { as: 'gaj.cataloguer' });
      const notes = JSON.stringify((await sheetsOf(await res.arrayBuffer())).说明);
      expect(notes).toContain('无条件共享、有条件共享、不予共享');
      expect(notes).toContain('每月');
    });

    it('given a unit user, when they ask for the units template or import units or users, then 403', async () => {
      expect(
        (await server.request('/api/imports/units/template.xlsx', { as: 'gaj.cataloguer' })).status,
      ).toBe(403);
      const file = await workbookOf({ 单位: [['单位代码', '单位名称', '单位类型']] });
      expect((await upload('units', file, 'gaj.cataloguer', true)).status).toBe(403);
      expect((await upload('users', file, 'admin', true)).status).toBe(403);
      expect((await upload('catalog', file, 'gaj.leader', true)).status).toBe(403);
    });
  });

  describe('files', () => {
    it('given a file over 20 MB, when uploaded, then 413 and nothing is read', async () => {
      const r = await upload('units', new Uint8Array(21 * 1024 * 1024), security, true);
      expect(r.status).toBe(413);
    });

    it('given no file field, when posted, then 400 in Chinese', async () => {
      const form = new FormData();
      form.set('other', 'x');
      const res = await server.request('/api/imports/units?dryRun=true', {
        method: 'POST',
        as: security,
        body: form,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.message).toBe(
        '请以 multipart/form-data 上传 Excel 文件（字段 file）',
      );
    });

    it('given Accept-Language en, when a bad workbook is checked, then the report speaks English', async () => {
      const form = new FormData();
      form.set('file', new File(['not a workbook'], 'units.xlsx'));
      const res = await server.request('/api/imports/units?dryRun=true', {
        method: 'POST',
        as: security,
        body: form,
        headers: { 'accept-language': 'en' },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as Report).errors).toEqual([
        { sheet: '', row: 0, column: '', message: expect.stringContaining('not a valid Excel workbook') },
      ]);
    });
  });

  describe('units and users', () => {
    const unitsFile = () =>
      workbookOf({
        单位: [
          ['单位代码', '单位名称', '单位类型', '状态'],
          ['lyj', '县林业局', '县级部门', '启用'],
          ['dtz', '大塘镇', '乡镇/街道', ''],
          ['gaj', '县公安局', '县级部门', '启用'],
        ],
      });

    it('given a units workbook, when dry run then commit then again, then 2 created and 1 unchanged, listed, and the second time all unchanged', async () => {
      const file = await unitsFile();
      expect(await dry('units', file, security)).toMatchObject({
        kind: 'units',
        dryRun: true,
        rows: 3,
        created: 2,
        unchanged: 1,
        errors: [],
      });
      const units = async () =>
        ((await (await server.request('/api/units', { as: security })).json()) as any).items as any[];
      expect((await units()).map((u) => u.id)).not.toContain('lyj');
      expect(await commit('units', file, security)).toMatchObject({
        dryRun: false,
        created: 2,
        updated: 0,
        unchanged: 1,
        errors: [],
      });
      expect((await units()).find((u) => u.id === 'dtz')).toMatchObject({
        name: '大塘镇',
        kind: 'town',
        active: true,
        example: false,
      });
      expect(await commit('units', file, security)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    });

    it('given bad unit rows, when committed, then 422 IMPORT_INVALID lists each cell and nothing is written', async () => {
      const file = await workbookOf({
        单位: [
          ['单位代码', '单位名称', '单位类型'],
          ['xz1', '县新增一局', '县级部门'],
          ['xz1', '县新增二局', '县级部门'],
          ['坏代码', '县新增三局', '部委'],
          ['xz4', '县林业局', '县级部门'],
        ],
      });
      const r = await upload('units', file, security, false);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('IMPORT_INVALID');
      expect(r.body.error.details.errors).toEqual([
        { sheet: '单位', row: 3, column: '单位代码', message: '单位代码“xz1”在本文件中重复（第 2 行已有）' },
        {
          sheet: '单位',
          row: 4,
          column: '单位代码',
          message: expect.stringContaining('单位代码“坏代码”格式不正确'),
        },
        {
          sheet: '单位',
          row: 4,
          column: '单位类型',
          message: expect.stringContaining('单位类型“部委”不在可选值中'),
        },
        { sheet: '单位', row: 5, column: '单位名称', message: '单位名称“县林业局”已被单位 lyj 使用' },
      ]);
      const ids = ((await (await server.request('/api/units', { as: security })).json()) as any).items.map(
        (u: any) => u.id,
      );
      expect(ids).not.toContain('xz1');
    });

    it('given a users workbook, when dry run, then nobody is created; when committed, then one-time passwords come back once and log in', async () => {
      const file = await workbookOf({
        用户: [
          ['用户名', '姓名', '单位代码', '角色'],
          ['lyj.cataloguer', '林编目', 'lyj', '目录编制员'],
          ['lyj.leader', '林局长', 'lyj', 'unit.leader, unit.feedback'],
        ],
      });
      const preview = await dry('users', file, security);
      expect(preview).toMatchObject({ rows: 2, created: 2, errors: [] });
      expect(preview.oneTimePasswords).toBeUndefined();
      const login = (username: string, password: string) =>
        server.app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
      expect((await login('lyj.cataloguer', 'x')).status).toBe(401);
      const done = await commit('users', file, security);
      expect(done).toMatchObject({ created: 2, errors: [] });
      expect(done.oneTimePasswords!.map((p) => p.username)).toEqual(['lyj.cataloguer', 'lyj.leader']);
      const res = await login('lyj.cataloguer', done.oneTimePasswords![0]!.oneTimePassword);
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).user).toMatchObject({ unitId: 'lyj', roles: ['unit.cataloguer'] });
      const again = await commit('users', file, security);
      expect(again).toMatchObject({ created: 0, unchanged: 2 });
      expect(again.oneTimePasswords).toEqual([]);
    });

    it('given bad user rows, when checked, then unknown unit, inactive unit, unknown role, a county-wide role outside the authority and 三员分立 are each reported', async () => {
      await server.request('/api/admin/units/dtz', {
        method: 'PATCH',
        as: security,
        json: { active: false },
      });
      const file = await workbookOf({
        用户: [
          ['用户名', '姓名', '单位代码', '角色'],
          ['a.one', '甲', 'nope', '目录编制员'],
          ['a.two', '乙', 'dtz', '目录编制员'],
          ['a.three', '丙', 'lyj', '局长'],
          ['a.four', '丁', 'lyj', '目录审核员'],
          ['a.five', '戊', 'dsj', 'security.admin,audit.admin'],
        ],
      });
      const report = await dry('users', file, security);
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([
        [2, '单位代码'],
        [3, '单位代码'],
        [4, '角色'],
        [5, '角色'],
        [6, '角色'],
      ]);
      expect(report.errors[1]!.message).toBe('单位“大塘镇”已停用，不能新增用户');
      expect(report.errors[4]!.message).toMatch(/三员分立/);
      expect((await upload('users', file, security, false)).status).toBe(422);
    });
  });

  describe('census and catalog', () => {
    const systems = () =>
      workbookOf({
        信息系统: [
          SYSTEM_HEADERS,
          [
            'gaj',
            '人口信息管理系统',
            '户籍与人口',
            '上级部署',
            '在用',
            '某科技公司',
            '2019-05-01',
            '政务云',
            '是',
          ],
          ['gaj', '治安管理系统', '', '自建', '', '', '', '本地机房', ''],
        ],
      });
    const catalogFile = (rows: unknown[][], items: unknown[][]) =>
      workbookOf({ 目录: [ENTRY_HEADERS, ...rows], 数据项: [ITEM_HEADERS, ...items] });
    const good = () =>
      catalogFile(
        [
          entryRow('gaj', 'XC-GAJ-0101', '人口信息管理系统', { 信息资源名称: '=常住人口基本信息' }),
          entryRow('gaj', 'XC-GAJ-0102', '治安管理系统', {
            共享属性: '有条件共享',
            共享条件: '仅限公安业务',
            共享期限: '2030-12-31',
          }),
        ],
        [
          ['XC-GAJ-0101', '公民身份号码', '字符', 18, '是'],
          ['XC-GAJ-0101', '姓名', '字符', 50, '否'],
          ['XC-GAJ-0102', '案件编号', '字符', '', ''],
        ],
      );

    it('given the census imported first, when the catalog is dry-run, committed and re-imported, then 2 created at version 1, then all unchanged', async () => {
      expect(await commit('systems', await systems(), 'gaj.cataloguer')).toMatchObject({
        created: 2,
        errors: [],
      });
      expect(await commit('systems', await systems(), 'gaj.cataloguer')).toMatchObject({
        created: 0,
        unchanged: 2,
      });
      const file = await good();
      const before = await entryTotal();
      expect(await dry('catalog', file, 'gaj.cataloguer')).toMatchObject({
        rows: 2,
        created: 2,
        updated: 0,
        errors: [],
      });
      expect(await entryTotal()).toBe(before);
      expect(await commit('catalog', file, 'gaj.cataloguer')).toMatchObject({
        rows: 2,
        created: 2,
        errors: [],
      });
      expect(await entryTotal()).toBe(before + 2);
      const list = (await (
        await server.request('/api/catalog/entries?q=XC-GAJ-0102', { as: 'reviewer' })
      ).json()) as any;
      expect(list.items[0]).toMatchObject({ currentVersion: 1, unitId: 'gaj' });
      expect(list.items[0].fields).toMatchObject({
        shareType: 'conditional',
        shareCondition: '仅限公安业务',
        sharePeriod: '2030-12-31',
        updateCycle: 'monthly',
        dataItems: [{ name: '案件编号', type: 'string', sensitive: false }],
      });
      expect(await commit('catalog', file, 'gaj.cataloguer')).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
      const audit = await server.deps.db.select().from(auditLog);
      expect(
        audit.filter((a) => a.action === 'import.catalog' && a.outcome === 'ok').map((a) => a.details),
      ).toContainEqual({
        rows: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
      });
    });

    it('given a known code whose fields differ, when imported, then the next version is published and recorded', async () => {
      const file = await catalogFile(
        [
          entryRow('gaj', 'XC-GAJ-0102', '治安管理系统', {
            共享属性: '有条件共享',
            共享条件: '仅限公安与司法业务',
            共享期限: '2030-12-31',
          }),
        ],
        [['XC-GAJ-0102', '案件编号', '字符', '', '']],
      );
      expect(await commit('catalog', file, 'gaj.cataloguer')).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
      const list = (await (
        await server.request('/api/catalog/entries?q=XC-GAJ-0102', { as: 'reviewer' })
      ).json()) as any;
      expect(list.items[0].currentVersion).toBe(2);
      expect(list.items[0].versions.map((v: any) => [v.version, v.publishedBy])).toEqual([
        [2, 'gaj.cataloguer'],
        [1, 'gaj.cataloguer'],
      ]);
    });

    it('given the catalog exported, when the export is imported back, then nothing changes, and a formula-like name stays text', async () => {
      const res = await server.request('/api/catalog/export.xlsx?unitId=gaj', { as: 'gaj.cataloguer' });
      expect(res.status).toBe(200);
      const content = Buffer.from(await res.arrayBuffer());
      const book = await sheetsOf(content);
      expect(book.目录![0]).toEqual(ENTRY_HEADERS);
      expect(book.目录!.find((r) => r[1] === 'XC-GAJ-0101')![2]).toBe('=常住人口基本信息');
      expect(book.数据项).toContainEqual(['XC-GAJ-0101', '公民身份号码', '字符', 18, '是']);
      const report = await commit('catalog', content, 'gaj.cataloguer');
      expect(report).toMatchObject({ created: 0, updated: 0, errors: [] });
      expect(report.unchanged).toBe(report.rows);
      const audit = await server.deps.db.select().from(auditLog);
      expect(audit.some((a) => a.action === 'export.catalog' && a.actor === 'gaj.cataloguer')).toBe(true);
    });

    it('given each bad workbook, when committed, then 422 with the cell named and nothing written', async () => {
      const before = await entryTotal();
      const fine = (code: string, o: Record<string, unknown> = {}) =>
        entryRow('gaj', code, '治安管理系统', o);
      const item = (code: string) => [code, '字段', '字符', 10, '否'];
      const cases: [string, Buffer | string, Partial<Report['errors'][number]>[]][] = [
        [
          'not an xlsx',
          'code,name\nXC-1,人口',
          [{ sheet: '', row: 0, message: expect.stringContaining('不是有效的 Excel 工作簿') }],
        ],
        [
          'a missing sheet',
          await workbookOf({ 目录: [ENTRY_HEADERS, fine('XC-GAJ-0201')] }),
          [{ sheet: '数据项', row: 0, message: '缺少工作表“数据项”' }],
        ],
        [
          'a missing header',
          await workbookOf({ 目录: [ENTRY_HEADERS.filter((h) => h !== '更新周期')], 数据项: [ITEM_HEADERS] }),
          [{ sheet: '目录', row: 1, column: '更新周期', message: '缺少列“更新周期”' }],
        ],
        [
          'an unknown unit code',
          await catalogFile([entryRow('nope', 'XC-GAJ-0202', '治安管理系统')], [item('XC-GAJ-0202')]),
          [{ sheet: '目录', row: 2, column: '所属单位代码', message: '单位代码“nope”不存在' }],
        ],
        [
          'a code twice in the file',
          await catalogFile([fine('XC-GAJ-0203'), fine('XC-GAJ-0203')], [item('XC-GAJ-0203')]),
          [
            {
              sheet: '目录',
              row: 3,
              column: '信息资源代码',
              message: '信息资源代码“XC-GAJ-0203”在本文件中重复（第 2 行已有）',
            },
          ],
        ],
        [
          'a value outside the list',
          await catalogFile([fine('XC-GAJ-0204', { 更新周期: '每两周' })], [item('XC-GAJ-0204')]),
          [
            {
              sheet: '目录',
              row: 2,
              column: '更新周期',
              message: expect.stringContaining('“每两周”不在可选值中（可选：实时、每日'),
            },
          ],
        ],
        [
          'a data item of a code not in 目录',
          await catalogFile([fine('XC-GAJ-0205')], [item('XC-GAJ-0205'), item('XC-GAJ-9999')]),
          [
            {
              sheet: '数据项',
              row: 3,
              column: '信息资源代码',
              message: '信息资源代码“XC-GAJ-9999”不在“目录”工作表中',
            },
          ],
        ],
        [
          "a cataloguer's row of another unit",
          await catalogFile(
            [fine('XC-GAJ-0206'), entryRow('wjj', 'XC-WJJ-0206', '治安管理系统')],
            [item('XC-GAJ-0206'), item('XC-WJJ-0206')],
          ),
          [
            {
              sheet: '目录',
              row: 3,
              column: '所属单位代码',
              message: expect.stringContaining('只能导入本单位（gaj）的目录'),
            },
          ],
        ],
        [
          'a required cell left empty and a system not in the census',
          await catalogFile(
            [fine('XC-GAJ-0207', { 业务名称: '', 信息系统名称: '不存在的系统' })],
            [item('XC-GAJ-0207')],
          ),
          [
            { sheet: '目录', row: 2, column: '业务名称' },
            {
              sheet: '目录',
              row: 2,
              column: '信息系统名称',
              message: expect.stringContaining('不在“县公安局”的信息系统普查中'),
            },
          ],
        ],
      ];
      for (const [name, file, errors] of cases) {
        const r = await upload('catalog', file as Buffer, 'gaj.cataloguer', false);
        expect(r.status, name).toBe(422);
        expect(r.body.error.code, name).toBe('IMPORT_INVALID');
        expect(r.body.error.details.errors, name).toEqual(errors.map((e) => expect.objectContaining(e)));
      }
      expect(await entryTotal()).toBe(before);
    });

    it('given 20,000 rows with one bad cell near the end, when committed, then 422 names that cell and nothing is written', async () => {
      const before = await entryTotal();
      const rows: unknown[][] = [];
      const items: unknown[][] = [];
      for (let i = 0; i < 10_000; i++) {
        const code = `XC-GAJ-B${String(i).padStart(5, '0')}`;
        rows.push(entryRow('gaj', code, '治安管理系统', i === 9_990 ? { 共享属性: '随便共享' } : {}));
        items.push([code, '字段', '字符', 10, '否']);
      }
      const file = await catalogFile(rows, items);
      const r = await upload('catalog', file, 'gaj.cataloguer', false);
      expect(r.status).toBe(422);
      expect(r.body.error.details).toMatchObject({ rows: 10_000, created: 9_999 });
      expect(r.body.error.details.errors).toEqual([
        {
          sheet: '目录',
          row: 9_992,
          column: '共享属性',
          message: expect.stringContaining('“随便共享”不在可选值中'),
        },
      ]);
      expect(await entryTotal()).toBe(before);
    }, 120_000);
  });
});

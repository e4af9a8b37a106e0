/**
 * @module Empty workbooks to fill in (GET /api/imports/{kind}/template.xlsx): the sheets with their Chinese header
 * row, and a 说明 sheet that says per column what goes there, with the allowed values taken from where the
 * product keeps them (the form, census.ts, roles.ts, the unit kinds).
 */
import { ROLE_KEYS, ROLES } from '../../identity/roles';
import { UNIT_KIND_LABELS } from '../../identity/units';
import type { DbOrTx } from '../../platform/db/db';
import { CENSUS_LABELS } from '../catalog/census';
import { catalogForm, choicesOf, entryProperty, itemProperty } from './catalog/choices';
import { ENTRY_COLUMNS, ENTRY_SHEET, ITEM_COLUMNS, ITEM_SHEET } from './catalog/columns';
import type { ImportKind } from './report';
import { SYSTEM_HEADERS, SYSTEM_SHEET } from './systems/import-systems';
import { UNIT_HEADERS, UNIT_OPTIONAL, UNIT_SHEET } from './units/import-units';
import { USER_HEADERS, USER_SHEET } from './users/import-users';
import { writeWorkbook } from './write-workbook';

type Note = [sheet: string, column: string, required: string, values: string];

const GENERAL =
  '第 1 行为列名，请勿修改；从第 2 行起每行一条。导入前可先“检查”（不写入），有错误时整个文件都不会写入；同一文件重复导入不会产生变化。';

async function notesOf(
  db: DbOrTx,
  kind: ImportKind,
): Promise<{ sheets: [string, readonly string[]][]; notes: Note[] }> {
  if (kind === 'units')
    return {
      sheets: [[UNIT_SHEET, [...UNIT_HEADERS, ...UNIT_OPTIONAL]]],
      notes: [
        [
          UNIT_SHEET,
          '单位代码',
          '必填',
          '字母、数字、“.”“_”“-”，最长 40 位，导入后不能修改（如 gaj 或统一社会信用代码）',
        ],
        [UNIT_SHEET, '单位名称', '必填', '全县唯一，最长 100 字'],
        [
          UNIT_SHEET,
          '单位类型',
          '必填',
          Object.entries(UNIT_KIND_LABELS)
            .filter(([k]) => k !== 'authority')
            .map(([, l]) => l.zh)
            .join('、'),
        ],
        [UNIT_SHEET, '状态', '选填', '启用（默认）、停用；停用的单位保留历史和目录，但不再新增用户和任务'],
      ],
    };
  if (kind === 'users')
    return {
      sheets: [[USER_SHEET, USER_HEADERS]],
      notes: [
        [USER_SHEET, '用户名', '必填', '2–40 位字母、数字、“.”“_”“-”，全县唯一（如 gaj.cataloguer）'],
        [USER_SHEET, '姓名', '必填', '最长 50 字'],
        [USER_SHEET, '单位代码', '必填', '已有且启用的单位代码'],
        [
          USER_SHEET,
          '角色',
          '必填',
          `一个或多个，用逗号分隔，可写名称或代码：${ROLE_KEYS.map((k) => `${ROLES[k].name}（${k}）`).join('、')}`,
        ],
        [
          USER_SHEET,
          '（说明）',
          '',
          '导入只新建账号；每个新账号获得一次性密码，仅在导入结果中显示一次，首次登录须修改',
        ],
      ],
    };
  if (kind === 'systems')
    return {
      sheets: [[SYSTEM_SHEET, SYSTEM_HEADERS]],
      notes: [
        [SYSTEM_SHEET, '所属单位代码', '必填', '目录编制员只能导入本单位'],
        [SYSTEM_SHEET, '信息系统名称', '必填', '同一单位内唯一，最长 100 字'],
        [SYSTEM_SHEET, '系统描述', '选填', ''],
        [SYSTEM_SHEET, '建设方式', '选填', Object.values(CENSUS_LABELS.buildMode).join('、')],
        [SYSTEM_SHEET, '状态', '选填', `${Object.values(CENSUS_LABELS.status).join('、')}（默认在用）`],
        [SYSTEM_SHEET, '运维单位', '选填', '可填公司名称'],
        [SYSTEM_SHEET, '上线时间', '选填', '日期，格式 YYYY-MM-DD'],
        [SYSTEM_SHEET, '部署位置', '选填', Object.values(CENSUS_LABELS.deployment).join('、')],
        [SYSTEM_SHEET, '是否已迁入县平台', '选填', '是、否（默认否）'],
      ],
    };
  const form = await catalogForm(db);
  const required = new Set<string>(form.schema.required ?? []);
  const itemRequired = new Set<string>(form.schema.properties?.dataItems?.items?.required ?? []);
  const values = (field: string, prop = entryProperty(form, field)) => {
    const c = choicesOf(prop);
    const extra = prop?.description ? String(prop.description) : '';
    return [c.labels.join('、'), extra].filter(Boolean).join('；');
  };
  return {
    sheets: [
      [ENTRY_SHEET, ENTRY_COLUMNS.map((c) => c.header)],
      [ITEM_SHEET, ITEM_COLUMNS.map((c) => c.header)],
    ],
    notes: [
      ...ENTRY_COLUMNS.map((c): Note => {
        if (c.field === 'unitId') return [ENTRY_SHEET, c.header, '必填', '目录编制员只能导入本单位'];
        const note =
          c.field === 'sharePeriod' ? `${values(c.field)}；或截止日期 YYYY-MM-DD` : values(c.field);
        const extra = c.field === 'systemName' ? '须已在本单位信息系统普查中（可先导入信息系统）' : '';
        return [
          ENTRY_SHEET,
          c.header,
          required.has(c.field) ? '必填' : '视情况',
          [note, extra].filter(Boolean).join('；'),
        ];
      }),
      ...ITEM_COLUMNS.map((c): Note => {
        if (c.field === 'resourceCode')
          return [ITEM_SHEET, c.header, '必填', '对应“目录”工作表中的信息资源代码；每个条目至少一个数据项'];
        if (c.field === 'sensitive') return [ITEM_SHEET, c.header, '选填', '是、否（默认否）'];
        if (c.field === 'length') return [ITEM_SHEET, c.header, '选填', '正整数'];
        return [
          ITEM_SHEET,
          c.header,
          itemRequired.has(c.field) ? '必填' : '选填',
          values(c.field, itemProperty(form, c.field)),
        ];
      }),
    ],
  };
}

export async function buildTemplate(db: DbOrTx, kind: ImportKind): Promise<Buffer> {
  const { sheets, notes } = await notesOf(db, kind);
  return writeWorkbook(async (sheet) => {
    for (const [name, headers] of sheets) sheet(name, headers);
    const help = sheet('说明', ['工作表', '列', '是否必填', '填写说明'], [12, 18, 10, 90]);
    help.add(['', '', '', GENERAL]);
    for (const n of notes) help.add(n);
  });
}

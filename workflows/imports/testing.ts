/** @module Test workbooks: sheets of rows (the first row the headers) as an .xlsx, and a valid catalog row set to vary. */
import ExcelJS from 'exceljs';

export async function workbookOf(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function sheetsOf(content: ArrayBuffer | Buffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as never);
  const out: Record<string, unknown[][]> = {};
  book.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    out[ws.name] = rows;
  });
  return out;
}

export const ENTRY_HEADERS = [
  '所属单位代码',
  '信息资源代码',
  '信息资源名称',
  '信息系统名称',
  '业务名称',
  '分类',
  '存储格式',
  '共享属性',
  '共享条件',
  '法律依据',
  '开放属性',
  '开放条件',
  '提供方式',
  '更新周期',
  '共享期限',
];
export const ITEM_HEADERS = ['信息资源代码', '数据项名称', '数据类型', '长度', '是否敏感'];
export const SYSTEM_HEADERS = [
  '所属单位代码',
  '信息系统名称',
  '系统描述',
  '建设方式',
  '状态',
  '运维单位',
  '上线时间',
  '部署位置',
  '是否已迁入县平台',
];

/** A valid 目录 row of unit `unit` and system `system`; override cells by header. */
export function entryRow(
  unit: string,
  code: string,
  system: string,
  overrides: Record<string, unknown> = {},
): unknown[] {
  const base: Record<string, unknown> = {
    所属单位代码: unit,
    信息资源代码: code,
    信息资源名称: `资源 ${code}`,
    信息系统名称: system,
    业务名称: '户籍管理',
    分类: '基础',
    存储格式: '数据库',
    共享属性: '无条件共享',
    共享条件: '',
    法律依据: '',
    开放属性: '禁止开放',
    开放条件: '',
    提供方式: '接口',
    更新周期: '每月',
    共享期限: '长期',
    ...overrides,
  };
  return ENTRY_HEADERS.map((h) => base[h]);
}

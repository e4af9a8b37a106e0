/**
 * @module Reads an uploaded workbook: refuses what is not an .xlsx, finds each expected sheet and its header row,
 * and yields the data rows as header → text. Problems with the file, a sheet or a header are issues, not throws.
 */
import ExcelJS from 'exceljs';
import { cellText } from './cell-text';
import type { Issues } from './report';

/** The cells of every sheet as text: what the importers read, compact once exceljs' object model is gone. */
export interface Workbook {
  sheets: Map<string, { row: number; cells: string[] }[]>;
}

/** An .xlsx is a zip: it starts with `PK\x03\x04`. Anything else (a renamed text file, an old .xls) stops here. */
const isZip = (b: Uint8Array) =>
  b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function loadWorkbook(content: Uint8Array, issues: Issues): Promise<Workbook | undefined> {
  const notXlsx = () =>
    issues.add(
      '',
      0,
      '',
      '文件不是有效的 Excel 工作簿（.xlsx），请用模板填写后另存为 .xlsx',
      'The file is not a valid Excel workbook (.xlsx); fill in the template and save it as .xlsx',
    );
  if (!isZip(content)) {
    notXlsx();
    return undefined;
  }
  const sheets = new Map<string, { row: number; cells: string[] }[]>();
  // The whole-file reader, not exceljs' streamed one: that one splits UTF-8 characters across chunk boundaries
  // (a 无条件共享 in row 2,000 came back as 无\ufffd\ufffd件共享). The object model is dropped once the text is taken.
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(content.buffer, content.byteOffset, content.byteLength) as never);
  } catch {
    notXlsx();
    return undefined;
  }
  book.eachSheet((sheet) => {
    const rows: { row: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells[i - 1] = cellText(values[i]);
      rows.push({ row: number, cells });
    });
    sheets.set(sheet.name, rows);
  });
  if (sheets.size === 0) {
    notXlsx();
    return undefined;
  }
  return { sheets };
}

export interface SheetRow {
  /** As Excel shows it. */
  row: number;
  values: Record<string, string>;
}

export interface SheetSpec {
  name: string;
  /** Headers that must be present; others in the header row are ignored (a 备注 column does no harm). */
  headers: readonly string[];
  /** Headers read when present (an older template may lack them); their cells are '' otherwise. */
  optional?: readonly string[];
}

/**
 * The data rows of one sheet, header → trimmed text; fully empty rows are skipped. Undefined (with issues) when
 * the sheet or a header is missing.
 */
export function readSheet(workbook: Workbook, spec: SheetSpec, issues: Issues): SheetRow[] | undefined {
  const sheet = workbook.sheets.get(spec.name);
  if (!sheet) {
    issues.add(spec.name, 0, '', `缺少工作表“${spec.name}”`, `Sheet "${spec.name}" is missing`);
    return undefined;
  }
  const columnOf = new Map<string, number>();
  const header = sheet[0]?.row === 1 ? sheet[0].cells : [];
  header.forEach((text, col) => {
    if (text && !columnOf.has(text)) columnOf.set(text, col);
  });
  const missing = spec.headers.filter((h) => !columnOf.has(h));
  for (const h of missing) issues.add(spec.name, 1, h, `缺少列“${h}”`, `Column "${h}" is missing`);
  if (missing.length) return undefined;
  const wanted = [...spec.headers, ...(spec.optional ?? [])];
  const rows: SheetRow[] = [];
  for (const { row, cells } of sheet) {
    if (row === 1) continue;
    const values: Record<string, string> = {};
    let any = false;
    for (const h of wanted) {
      const col = columnOf.get(h);
      const text = col === undefined ? '' : (cells[col] ?? '');
      values[h] = text;
      if (text) any = true;
    }
    if (any) rows.push({ row, values });
  }
  return rows;
}

/**
 * @module Workbooks we hand out (templates, exports): a streamed writer (a county's catalog is 400,000 data-item
 * rows), a bold frozen header row, and every cell through platform/excel/safe-cell so `=…` stays text.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { addSafeRow } from '../../platform/excel/safe-cell';

export interface SheetWriter {
  add(values: unknown[]): void;
}

export async function writeWorkbook(
  fill: (
    sheet: (name: string, headers: readonly string[], widths?: number[]) => SheetWriter,
  ) => Promise<void>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const open: ExcelJS.Worksheet[] = [];
  await fill((name, headers, widths) => {
    // A sheet is finished when the next one opens: the streamed writer keeps one sheet's rows in memory at a time.
    open.at(-1)?.commit();
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((h, i) => ({ header: h, width: widths?.[i] ?? Math.max(12, h.length * 2 + 4) }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.commit();
    open.push(ws);
    return { add: (values) => (addSafeRow(ws, values) as unknown as ExcelJS.Row).commit() };
  });
  open.at(-1)?.commit();
  await book.commit();
  await done;
  return Buffer.concat(chunks);
}

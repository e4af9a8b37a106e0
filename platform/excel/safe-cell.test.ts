/** @module safeCell: a formula-looking string survives a round trip through a workbook as text. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addSafeRow, looksLikeFormula } from './safe-cell';

describe('safeCell', () => {
  it('given a cell text beginning with =, when written and read back, then it is text, not a formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    addSafeRow(ws, ['=HYPERLINK("http://x","y")', '+1', 'plain', 3]);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await wb.xlsx.writeBuffer());
    const row = again.getWorksheet('s')!.getRow(1);
    expect(row.getCell(1).value).toBe('=HYPERLINK("http://x","y")');
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(2).value).toBe('+1');
    expect(row.getCell(4).value).toBe(3);
  });

  it('given ordinary text, then it is not treated as a formula', () => {
    expect(looksLikeFormula('县公安局')).toBe(false);
    expect(looksLikeFormula('@user')).toBe(true);
  });
});

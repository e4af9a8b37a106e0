/**
 * @module safeCell: text for a workbook cell that Excel and WPS will never run as a formula (CSV/formula
 * injection: a catalog name or an opinion beginning with `=`, `+`, `-`, `@`, tab or CR would otherwise be
 * evaluated when an official opens the export). exceljs writes a string value as a string cell, never as a
 * formula; the text number format (`@`) keeps it text when the file is re-typed or saved again in Excel or WPS.
 */
import type { Cell } from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(value: unknown): boolean {
  return typeof value === 'string' && FORMULA_START.test(value);
}

/** Sets a cell to a value; strings that look like formulas stay text, never `{formula}`. */
export function setSafeCell(cell: Cell, value: unknown): void {
  if (value === null || value === undefined) {
    cell.value = null;
    return;
  }
  if (typeof value === 'string') {
    cell.value = value;
    if (looksLikeFormula(value)) cell.numFmt = '@';
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    cell.value = value;
    return;
  }
  cell.value = JSON.stringify(value);
}

/** Adds a row of values to a worksheet through setSafeCell. */
export function addSafeRow(sheet: { addRow(values: unknown[]): { getCell(i: number): Cell } }, values: unknown[]) {
  const row = sheet.addRow([]);
  for (const [i, v] of values.entries()) setSafeCell(row.getCell(i + 1), v);
  return row;
}

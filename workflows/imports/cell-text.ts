/**
 * @module The text of a workbook cell as a person typed it: strings trimmed, numbers as written, date cells as
 * the date Excel shows (YYYY-MM-DD: exceljs gives it at UTC midnight, so its UTC date), rich text joined, a formula's cached result, a hyperlink's text. Empty → ''.
 */
import type { CellValue } from 'exceljs';

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && 'hyperlink' in value) return cellText(value.text as CellValue);
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

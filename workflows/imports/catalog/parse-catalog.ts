/**
 * @module The catalog workbook → entries with their fields, in one pass per sheet: labels to stored values, data
 * items attached to their entry by code, codes duplicated within the file and items of unknown codes reported.
 */
import type { Json } from '../../../engine/contract';
import { isCalendarDate } from '../dates';
import type { Workbook } from '../read-workbook';
import { readSheet } from '../read-workbook';
import type { Issues } from '../report';
import { type CatalogForm, type Choices, choicesOf, entryProperty, itemProperty } from './choices';
import { ENTRY_COLUMNS, ENTRY_SHEET, ITEM_COLUMNS, ITEM_SHEET, NO, YES } from './columns';

export interface ParsedEntry {
  /** The 目录 row. */
  row: number;
  unitId: string;
  code: string;
  fields: Record<string, Json>;
  /** The 数据项 row of each data item, in order (to place the form's item errors on their cells). */
  itemRows: number[];
  /** A cell of this entry could not be read: the form check would only repeat it. */
  bad: boolean;
}

function outside(issues: Issues, sheet: string, row: number, header: string, text: string, choices: Choices) {
  issues.add(
    sheet,
    row,
    header,
    `“${text}”不在可选值中（可选：${choices.labels.join('、')}）`,
    `"${text}" is not one of the options (${choices.labels.join(', ')})`,
  );
}

export function parseCatalog(workbook: Workbook, form: CatalogForm, issues: Issues) {
  const entrySheet = readSheet(
    workbook,
    { name: ENTRY_SHEET, headers: ENTRY_COLUMNS.map((c) => c.header) },
    issues,
  );
  const itemSheet = readSheet(
    workbook,
    { name: ITEM_SHEET, headers: ITEM_COLUMNS.map((c) => c.header) },
    issues,
  );
  if (!entrySheet || !itemSheet) return undefined;

  const choices = new Map<string, Choices>();
  for (const c of ENTRY_COLUMNS)
    if (c.kind !== 'text') choices.set(c.field, choicesOf(entryProperty(form, c.field)));
  const typeChoices = choicesOf(itemProperty(form, 'type'));

  const entries: ParsedEntry[] = [];
  const byCode = new Map<string, ParsedEntry>();
  for (const { row, values } of entrySheet) {
    const entry: ParsedEntry = { row, unitId: '', code: '', fields: {}, itemRows: [], bad: false };
    for (const col of ENTRY_COLUMNS) {
      const text = values[col.header]!;
      if (col.field === 'unitId') {
        entry.unitId = text;
        if (!text) {
          issues.add(ENTRY_SHEET, row, col.header, '所属单位代码不能为空', 'Unit code is required');
          entry.bad = true;
        }
        continue;
      }
      if (!text) continue; // absent: the form says whether it is required
      if (col.kind === 'text') entry.fields[col.field] = text;
      else if (col.kind === 'choice') {
        const list = choices.get(col.field)!;
        const value = list.toValue.get(text);
        if (value === undefined) {
          outside(issues, ENTRY_SHEET, row, col.header, text, list);
          entry.bad = true;
        } else entry.fields[col.field] = value;
      } else {
        // 共享期限: 长期, or an end date
        const list = choices.get(col.field)!;
        const value = list.toValue.get(text) ?? (isCalendarDate(text) ? text : undefined);
        if (value === undefined) {
          issues.add(
            ENTRY_SHEET,
            row,
            col.header,
            `“${text}”应为“${list.labels.join('”或“')}”或截止日期（YYYY-MM-DD）`,
            `"${text}" must be ${list.labels.join(' or ')} or an end date (YYYY-MM-DD)`,
          );
          entry.bad = true;
        } else entry.fields[col.field] = value;
      }
    }
    entry.code = typeof entry.fields.resourceCode === 'string' ? entry.fields.resourceCode : '';
    entry.fields.dataItems = [];
    if (entry.code) {
      const first = byCode.get(entry.code);
      if (first) {
        issues.add(
          ENTRY_SHEET,
          row,
          '信息资源代码',
          `信息资源代码“${entry.code}”在本文件中重复（第 ${first.row} 行已有）`,
          `Resource code "${entry.code}" appears twice in this file (already on row ${first.row})`,
        );
        entry.bad = true;
        entries.push(entry);
        continue;
      }
      byCode.set(entry.code, entry);
    }
    entries.push(entry);
  }

  for (const { row, values } of itemSheet) {
    const code = values.信息资源代码!;
    const entry = code ? byCode.get(code) : undefined;
    if (!entry) {
      issues.add(
        ITEM_SHEET,
        row,
        '信息资源代码',
        code ? `信息资源代码“${code}”不在“目录”工作表中` : '信息资源代码不能为空',
        code ? `Resource code "${code}" is not in sheet 目录` : 'Resource code is required',
      );
      continue;
    }
    const item: Record<string, Json> = {};
    const name = values.数据项名称!;
    if (name) item.name = name;
    const typeText = values.数据类型!;
    if (typeText) {
      const type = typeChoices.toValue.get(typeText);
      if (type === undefined) {
        outside(issues, ITEM_SHEET, row, '数据类型', typeText, typeChoices);
        entry.bad = true;
      } else item.type = type;
    }
    const lengthText = values.长度!;
    if (lengthText) {
      const n = Number(lengthText);
      if (!Number.isInteger(n) || n < 1) {
        issues.add(
          ITEM_SHEET,
          row,
          '长度',
          `长度“${lengthText}”应为正整数`,
          `Length "${lengthText}" must be a positive integer`,
        );
        entry.bad = true;
      } else item.length = n;
    }
    const sensitiveText = values.是否敏感!;
    if (YES.includes(sensitiveText)) item.sensitive = true;
    else if (!sensitiveText || NO.includes(sensitiveText)) item.sensitive = false;
    else {
      issues.add(
        ITEM_SHEET,
        row,
        '是否敏感',
        `“${sensitiveText}”应为“是”或“否”`,
        `"${sensitiveText}" must be 是 or 否`,
      );
      entry.bad = true;
    }
    (entry.fields.dataItems as Json[]).push(item);
    entry.itemRows.push(row);
  }
  return { entries, rows: entrySheet.length };
}

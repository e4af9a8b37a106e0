/**
 * @module The units workbook (sheet 单位: 单位代码, 单位名称, 单位类型, 状态): a new code adds a unit, a known code
 * takes the row's name, kind and state. The unit rules are identity/units' (code format, one authority).
 */
import {
  codeIssue,
  insertUnits,
  kindIssue,
  kindOf,
  listUnitRows,
  nameIssue,
  nextSortOrder,
  UNIT_KIND_LABELS,
  type UnitKind,
  updateUnitRow,
} from '../../../identity/units';
import type { Importer } from '../importer';
import { readSheet } from '../read-workbook';

export const UNIT_SHEET = '单位';
export const UNIT_HEADERS = ['单位代码', '单位名称', '单位类型'] as const;
export const UNIT_OPTIONAL = ['状态'] as const;
const ACTIVE = { 启用: true, 停用: false } as Record<string, boolean>;

export const importUnits: Importer = async (db, workbook, _ctx, issues) => {
  const rows = readSheet(
    workbook,
    { name: UNIT_SHEET, headers: UNIT_HEADERS, optional: UNIT_OPTIONAL },
    issues,
  );
  if (!rows) return undefined;
  const existing = await listUnitRows(db);
  const byCode = new Map(existing.map((u) => [u.id.toLowerCase(), u]));
  const nameOwner = new Map(existing.map((u) => [u.name, u.id]));
  const seenCode = new Map<string, number>();
  const seenName = new Map<string, number>();
  const create: { id: string; name: string; kind: UnitKind; active: boolean }[] = [];
  const update: { id: string; name: string; kind: UnitKind; active: boolean }[] = [];
  let unchanged = 0;
  const kinds = Object.values(UNIT_KIND_LABELS)
    .map((l) => l.zh)
    .join('、');

  for (const { row, values } of rows) {
    const add = (column: string, message: string, messageEn: string) =>
      issues.add(UNIT_SHEET, row, column, message, messageEn);
    const code = values.单位代码!;
    const name = values.单位名称!;
    const kindText = values.单位类型!;
    const stateText = values.状态!;
    let ok = true;
    const fail = (column: string, i: { message: string; messageEn: string } | undefined) => {
      if (!i) return;
      add(column, i.message, i.messageEn);
      ok = false;
    };
    if (!code) fail('单位代码', { message: '单位代码不能为空', messageEn: 'Unit code is required' });
    else fail('单位代码', codeIssue(code));
    fail('单位名称', nameIssue(name));
    const kind = kindOf(kindText);
    if (!kind)
      fail('单位类型', {
        message: `单位类型“${kindText}”不在可选值中（可选：${kinds}）`,
        messageEn: `Unit kind "${kindText}" is not one of the options`,
      });
    const active = stateText ? ACTIVE[stateText] : true;
    if (active === undefined)
      fail('状态', {
        message: `状态“${stateText}”应为“启用”或“停用”`,
        messageEn: `State "${stateText}" must be 启用 or 停用`,
      });
    if (code) {
      const first = seenCode.get(code.toLowerCase());
      if (first)
        fail('单位代码', {
          message: `单位代码“${code}”在本文件中重复（第 ${first} 行已有）`,
          messageEn: `Unit code "${code}" appears twice (row ${first})`,
        });
      else seenCode.set(code.toLowerCase(), row);
    }
    if (name) {
      const first = seenName.get(name);
      if (first)
        fail('单位名称', {
          message: `单位名称“${name}”在本文件中重复（第 ${first} 行已有）`,
          messageEn: `Unit name "${name}" appears twice (row ${first})`,
        });
      else seenName.set(name, row);
    }
    if (!ok || !kind || active === undefined) continue;
    const known = byCode.get(code.toLowerCase());
    fail('单位类型', kindIssue(kind, known?.kind));
    const owner = nameOwner.get(name);
    if (owner && owner !== known?.id)
      fail('单位名称', {
        message: `单位名称“${name}”已被单位 ${owner} 使用`,
        messageEn: `Unit name "${name}" is used by unit ${owner}`,
      });
    if (known?.kind === 'authority' && !active)
      fail('状态', {
        message: '大数据主管部门不能停用',
        messageEn: 'The big-data authority cannot be deactivated',
      });
    if (!ok) continue;
    if (!known) create.push({ id: code, name, kind, active });
    else if (known.name === name && known.kind === kind && known.active === active) unchanged++;
    else update.push({ id: known.id, name, kind, active });
  }
  return {
    rows: rows.length,
    created: create.length,
    updated: update.length,
    unchanged,
    write: async (tx) => {
      for (const u of update) await updateUnitRow(tx, u.id, { name: u.name, kind: u.kind, active: u.active });
      const start = await nextSortOrder(tx);
      await insertUnits(
        tx,
        create.map((u, i) => ({ id: u.id, name: u.name, kind: u.kind, sortOrder: start + i })),
      );
      // insertUnits takes no state: a unit created inactive is set so afterwards
      for (const u of create.filter((c) => !c.active)) await updateUnitRow(tx, u.id, { active: false });
      return undefined;
    },
  };
};

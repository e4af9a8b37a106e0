/**
 * @module The census workbook (sheet 信息系统, 二(三) 普查): one row per information system of a unit, keyed by unit
 * and name; the census lists (建设方式, 状态, 部署位置) in the labels census.ts gives the form and the UI. Written
 * through the catalog's store (insertSystem, updateSystem).
 */
import { CENSUS_LABELS } from '../../catalog/census';
import * as store from '../../catalog/store';
import { listUnitRows } from '../../../identity/units';
import { NO, YES } from '../catalog/columns';
import type { Importer } from '../importer';
import { isCalendarDate } from '../dates';
import { readSheet } from '../read-workbook';

export const SYSTEM_SHEET = '信息系统';
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
] as const;
const MAX_NAME = 100;

type Census = Pick<
  store.SystemWrite,
  'description' | 'buildMode' | 'status' | 'maintainer' | 'launchDate' | 'deployment' | 'onCountyPlatform'
>;

function labelMap<T extends string>(labels: Record<T, string>) {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(labels) as [T, string][]) {
    m.set(v, k);
    m.set(k, k);
  }
  return m;
}
const same = (a: Census, b: Census) =>
  (Object.keys(a) as (keyof Census)[]).every((k) => (a[k] ?? null) === (b[k] ?? null));

export const importSystems: Importer = async (db, workbook, ctx, issues) => {
  const rows = readSheet(workbook, { name: SYSTEM_SHEET, headers: SYSTEM_HEADERS }, issues);
  if (!rows) return undefined;
  const units = new Map((await listUnitRows(db)).map((u) => [u.id, u]));
  const anyUnit = ctx.actor.roles.includes('authority.admin');
  const lists = {
    buildMode: labelMap(CENSUS_LABELS.buildMode),
    status: labelMap(CENSUS_LABELS.status),
    deployment: labelMap(CENSUS_LABELS.deployment),
  };
  const known = new Map<string, store.SystemRow>();
  for (const unitId of new Set(rows.map((r) => r.values.所属单位代码!).filter((u) => units.has(u))))
    for (const s of await store.listSystems(db, unitId, { includeRetired: true }))
      known.set(`${unitId}\n${s.name}`, s);
  const seen = new Map<string, number>();
  const create: store.SystemWrite[] = [];
  const update: { id: string; patch: Census }[] = [];
  let unchanged = 0;

  for (const { row, values } of rows) {
    let ok = true;
    const add = (column: string, message: string, messageEn: string) => {
      issues.add(SYSTEM_SHEET, row, column, message, messageEn);
      ok = false;
    };
    const unitId = values.所属单位代码!;
    const name = values.信息系统名称!;
    const unit = units.get(unitId);
    if (!unit)
      add(
        '所属单位代码',
        unitId ? `单位代码“${unitId}”不存在` : '所属单位代码不能为空',
        unitId ? `Unit code "${unitId}" does not exist` : 'Unit code is required',
      );
    else if (!unit.active) add('所属单位代码', `单位“${unit.name}”已停用`, `Unit "${unit.name}" is inactive`);
    else if (!anyUnit && unit.id !== ctx.actor.unitId)
      add(
        '所属单位代码',
        `只能导入本单位（${ctx.actor.unitId}）的信息系统，此行属于“${unit.name}”`,
        `You may import your own unit's (${ctx.actor.unitId}) systems only`,
      );
    if (!name) add('信息系统名称', '信息系统名称不能为空', 'System name is required');
    else if (name.length > MAX_NAME)
      add(
        '信息系统名称',
        `信息系统名称不能超过 ${MAX_NAME} 个字符`,
        `System name must be at most ${MAX_NAME} characters`,
      );
    else {
      const key = `${unitId}\n${name}`;
      const first = seen.get(key);
      if (first)
        add(
          '信息系统名称',
          `信息系统“${name}”在本文件中重复（第 ${first} 行已有）`,
          `System "${name}" appears twice (row ${first})`,
        );
      else seen.set(key, row);
    }
    const choice = <T extends string>(header: string, map: Map<string, T>, labels: Record<T, string>) => {
      const text = values[header]!;
      if (!text) return null;
      const v = map.get(text);
      if (v === undefined)
        add(
          header,
          `“${text}”不在可选值中（可选：${Object.values(labels).join('、')}）`,
          `"${text}" is not one of the options`,
        );
      return v ?? null;
    };
    const launch = values.上线时间!;
    if (launch && !isCalendarDate(launch))
      add(
        '上线时间',
        `上线时间“${launch}”不是有效日期（格式 YYYY-MM-DD）`,
        `Launch date "${launch}" is not a valid date (YYYY-MM-DD)`,
      );
    const migrated = values.是否已迁入县平台!;
    if (migrated && !YES.includes(migrated) && !NO.includes(migrated))
      add('是否已迁入县平台', `“${migrated}”应为“是”或“否”`, `"${migrated}" must be 是 or 否`);
    const census: Census = {
      description: values.系统描述 || null,
      buildMode: choice('建设方式', lists.buildMode, CENSUS_LABELS.buildMode),
      status: choice('状态', lists.status, CENSUS_LABELS.status) ?? 'in-use',
      maintainer: values.运维单位 || null,
      launchDate: launch || null,
      deployment: choice('部署位置', lists.deployment, CENSUS_LABELS.deployment),
      onCountyPlatform: YES.includes(migrated),
    };
    if (!ok) continue;
    const existing = known.get(`${unitId}\n${name}`);
    if (!existing) create.push({ unitId, name, ...census });
    else if (same(census, existing)) unchanged++;
    else if (existing.retiredAt)
      add('信息系统名称', `信息系统“${name}”已退役，不能修改`, `System "${name}" is retired`);
    else update.push({ id: existing.id, patch: census });
  }
  return {
    rows: rows.length,
    created: create.length,
    updated: update.length,
    unchanged,
    write: async (tx) => {
      for (const s of create) await store.insertSystem(tx, s);
      for (const u of update) await store.updateSystem(tx, u.id, u.patch);
      return undefined;
    },
  };
};

/**
 * @module Checks parsed entries against the database and the form, in one pass: unit known, active and in the
 * importer's scope; system in the unit's census; the code not another unit's, not retired, not mid-change; the
 * fields valid against the registration form. Sorts the good ones into new, changed and unchanged.
 */
import type { Json } from '../../../engine/contract';
import * as forms from '../../../forms';
import { listUnitRows } from '../../../identity/units';
import { valueTakenInCatalog } from '../../catalog/unique-values';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db';
import { catalogEntries } from '../../catalog/schema';
import * as store from '../../catalog/store';
import type { ImportActor } from '../actor';
import type { Issues } from '../report';
import { canonicalJson } from './canonical';
import type { CatalogForm } from './choices';
import { ENTRY_SHEET, headerOfEntryField, headerOfItemField, ITEM_SHEET } from './columns';
import type { ParsedEntry } from './parse-catalog';

type EntryRow = typeof catalogEntries.$inferSelect;

export interface CatalogPlan {
  create: { entry: ParsedEntry; systemId: string | null }[];
  update: { entry: ParsedEntry; existing: EntryRow; systemId: string | null }[];
  unchanged: number;
}

const CHUNK = 1000;

async function existingByCode(db: DbOrTx, codes: string[]) {
  const out = new Map<string, { row: EntryRow; fields: Record<string, Json> }>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(catalogEntries)
      .where(inArray(catalogEntries.code, codes.slice(i, i + CHUNK)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const current = new Map<string, Record<string, Json>>();
    // Through the catalog's store: it opens sealed (是否敏感) items.
    for (const v of await store.listVersions(db, [...byId.keys()]))
      if (byId.get(v.entryId)?.currentVersion === v.version) current.set(v.entryId, v.fields);
    for (const row of rows) out.set(row.code, { row, fields: current.get(row.id) ?? {} });
  }
  return out;
}

/** Puts a form issue on its cell: `/dataItems/2/name` is the third item's 数据项名称 on 数据项. */
function placeFormIssue(entry: ParsedEntry, path: string) {
  const [field, index, sub] = path.split('/').slice(1);
  if (field === 'dataItems' && index !== undefined) {
    const row = entry.itemRows[Number(index)] ?? entry.row;
    return { sheet: ITEM_SHEET, row, column: (sub && headerOfItemField(sub)) || '' };
  }
  if (field === 'dataItems') return { sheet: ENTRY_SHEET, row: entry.row, column: '信息资源代码' };
  return { sheet: ENTRY_SHEET, row: entry.row, column: (field && headerOfEntryField(field)) || '' };
}

/** The top-level fields the form marks `x-unique: "catalog"` (the only ones the catalog lookup compares). */
function uniqueFields(form: CatalogForm): string[] {
  const props = (form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.keys(props).filter((k) => props[k]?.['x-unique'] === 'catalog');
}

/**
 * 唯一性 within the workbook: the catalog lookup only sees entries already stored, so two rows of one file holding
 * the same value would both pass it. Every row after the first holding a value is reported, naming the first.
 */
function reportDuplicatesInWorkbook(
  entries: ParsedEntry[],
  form: CatalogForm,
  fields: string[],
  issues: Issues,
): Set<ParsedEntry> {
  const bad = new Set<ParsedEntry>();
  for (const field of fields) {
    const firstRow = new Map<string, number>();
    for (const entry of entries) {
      const raw = entry.fields[field];
      if (entry.bad || typeof raw !== 'string' || !raw.trim()) continue;
      const value = raw.trim();
      const first = firstRow.get(value);
      if (first === undefined) {
        firstRow.set(value, entry.row);
        continue;
      }
      const column = headerOfEntryField(field) || field;
      // The English name the form gives the field (as its own 唯一性 message uses), else the column's header.
      const titleEn = form.uiSchema?.[field]?.['ui:titleEn'] ?? column;
      issues.add(
        ENTRY_SHEET,
        entry.row,
        column,
        `「${column}」“${value}”在本文件中重复（第 ${first} 行已有），须在资源目录中唯一`,
        `${titleEn} "${value}" is repeated in this file (row ${first} has it); it must be unique in the catalog`,
      );
      bad.add(entry);
    }
  }
  return bad;
}

export async function checkCatalog(
  db: DbOrTx,
  entries: ParsedEntry[],
  form: CatalogForm,
  actor: ImportActor,
  issues: Issues,
): Promise<CatalogPlan> {
  const plan: CatalogPlan = { create: [], update: [], unchanged: 0 };
  const units = new Map((await listUnitRows(db)).map((u) => [u.id, u]));
  const anyUnit = actor.roles.includes('authority.admin');
  const codes = [...new Set(entries.filter((e) => e.code).map((e) => e.code))];
  const existing = await existingByCode(db, codes);
  const systems = new Map<string, { id: string; retired: boolean }>();
  for (const unitId of new Set(entries.map((e) => e.unitId).filter((u) => units.has(u)))) {
    for (const s of await store.listSystems(db, unitId, { includeRetired: true }))
      systems.set(`${unitId}\n${s.name}`, { id: s.id, retired: s.retiredAt !== null });
  }

  // A row equal to its stored entry adds nothing: a value two entries held before 唯一性 was switched on does not
  // block re-importing an export; any new or changed row holding it still meets the stored one below.
  const unchanged = new Set(
    entries.filter((e) => {
      const known = existing.get(e.code);
      return (
        known && known.row.unitId === e.unitId && canonicalJson(known.fields) === canonicalJson(e.fields)
      );
    }),
  );
  const repeated = reportDuplicatesInWorkbook(
    entries.filter((e) => !unchanged.has(e)),
    form,
    uniqueFields(form),
    issues,
  );

  for (const entry of entries) {
    const unitCell = (message: string, messageEn: string) =>
      issues.add(ENTRY_SHEET, entry.row, '所属单位代码', message, messageEn);
    let ok = !entry.bad && !repeated.has(entry);
    let unitOk = false;
    const unit = units.get(entry.unitId);
    if (entry.unitId && !unit) {
      unitCell(`单位代码“${entry.unitId}”不存在`, `Unit code "${entry.unitId}" does not exist`);
      ok = false;
    } else if (unit && !unit.active) {
      unitCell(`单位“${unit.name}”已停用，不能导入目录`, `Unit "${unit.name}" is inactive`);
      ok = false;
    } else if (unit && !anyUnit && unit.id !== actor.unitId) {
      unitCell(
        `只能导入本单位（${actor.unitId}）的目录，此行属于“${unit.name}”`,
        `You may import your own unit's (${actor.unitId}) entries only; this row belongs to "${unit.name}"`,
      );
      ok = false;
    } else unitOk = !!unit;
    if (entry.bad) continue; // the cell issues are listed; the form would only repeat them
    const known = existing.get(entry.code);
    // The lookups the server gives a submitted form (server/services.ts), so an import is held to the same rules;
    // an update of a stored entry is compared with every entry but itself, as a 目录变更 is.
    const own = known && known.row.unitId === entry.unitId ? [known.row.id] : [];
    const check = await forms.validateFormData(form as never, entry.fields, {
      refs: {
        unitExists: async (id) => units.has(id),
        valueTakenInCatalog: async (field, value, except) =>
          !unchanged.has(entry) && valueTakenInCatalog(db, field, value, [...except, ...own]),
      },
    });
    if (!check.ok) {
      for (const d of check.details) {
        const at = placeFormIssue(entry, d.path);
        issues.add(at.sheet, at.row, at.column, d.message, d.messageEn);
      }
      ok = false;
    }
    let systemId: string | null = null;
    const systemName = typeof entry.fields.systemName === 'string' ? entry.fields.systemName : '';
    if (unit && unitOk && systemName) {
      const system = systems.get(`${unit.id}\n${systemName}`);
      if (!system || system.retired) {
        issues.add(
          ENTRY_SHEET,
          entry.row,
          '信息系统名称',
          system
            ? `信息系统“${systemName}”已退役，不能再登记目录条目`
            : `信息系统“${systemName}”不在“${unit.name}”的信息系统普查中，请先导入或登记该系统`,
          system ? `System "${systemName}" is retired` : `System "${systemName}" is not in the unit's census`,
        );
        ok = false;
      } else systemId = system.id;
    }
    if (known && known.row.unitId !== entry.unitId) {
      issues.add(
        ENTRY_SHEET,
        entry.row,
        '信息资源代码',
        `信息资源代码“${entry.code}”已属于单位 ${known.row.unitId}`,
        `Resource code "${entry.code}" belongs to unit ${known.row.unitId}`,
      );
      continue;
    }
    if (!ok) continue;
    if (!known) {
      plan.create.push({ entry, systemId });
      continue;
    }
    if (canonicalJson(known.fields) === canonicalJson(entry.fields)) {
      plan.unchanged++;
      continue;
    }
    const refuse =
      known.row.status === 'retired' ? '已注销' : known.row.openChangeInstanceId ? '有进行中的变更申请' : '';
    if (refuse) {
      issues.add(
        ENTRY_SHEET,
        entry.row,
        '信息资源代码',
        `目录条目“${entry.code}”${refuse}，不能通过导入修改`,
        `Entry "${entry.code}" is ${known.row.status === 'retired' ? 'retired' : 'being changed'} and cannot be updated by import`,
      );
      continue;
    }
    plan.update.push({ entry, existing: known.row, systemId });
  }
  return plan;
}

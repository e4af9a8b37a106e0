/**
 * @module The catalog as a workbook in the import's own layout (目录 + 数据项, the form's labels): exporting and
 * importing back changes nothing. Pages through the catalog's list query with the list's filters; the export
 * is recorded in the audit log (`export.catalog`).
 */
import type { Json } from '../../../engine/contract';
import { writeAudit } from '../../../platform/audit';
import type { DbOrTx } from '../../../platform/db/db';
import * as store from '../../catalog/store';
import type { ImportActor } from '../actor';
import { writeWorkbook } from '../write-workbook';
import { catalogForm, choicesOf, entryProperty, itemProperty } from './choices';
import { ENTRY_COLUMNS, ENTRY_SHEET, ITEM_COLUMNS, ITEM_SHEET } from './columns';

const PAGE = 1000;
const str = (v: Json | undefined) => (v === undefined || v === null ? '' : String(v));

export type ExportFilter = Omit<store.EntryFilter, 'limit' | 'offset' | 'id'>;

export async function exportCatalog(
  db: DbOrTx,
  filter: ExportFilter,
  actor: ImportActor,
  now: Date,
): Promise<Buffer> {
  const form = await catalogForm(db);
  const label = new Map(
    ENTRY_COLUMNS.filter((c) => c.kind !== 'text').map((c) => [
      c.field,
      choicesOf(entryProperty(form, c.field)).toLabel,
    ]),
  );
  const typeLabel = choicesOf(itemProperty(form, 'type')).toLabel;
  let entries = 0;
  const items: unknown[][] = [];
  const buffer = await writeWorkbook(async (sheet) => {
    const main = sheet(
      ENTRY_SHEET,
      ENTRY_COLUMNS.map((c) => c.header),
      ENTRY_COLUMNS.map((c) => (c.header.length > 4 ? 20 : 14)),
    );
    for (let offset = 0; ; offset += PAGE) {
      const rows = await store.listEntryRows(db, { ...filter, limit: PAGE, offset });
      const byId = new Map(rows.map((r) => [r.entry.id, r.entry]));
      const current = new Map<string, Record<string, Json>>();
      for (const v of await store.listVersions(db, [...byId.keys()]))
        if (byId.get(v.entryId)?.currentVersion === v.version) current.set(v.entryId, v.fields);
      for (const { entry } of rows) {
        const fields = current.get(entry.id) ?? {};
        main.add(
          ENTRY_COLUMNS.map((c) => {
            if (c.field === 'unitId') return entry.unitId;
            const value = str(fields[c.field]);
            return label.get(c.field)?.get(value) ?? value;
          }),
        );
        entries++;
        for (const item of Array.isArray(fields.dataItems) ? fields.dataItems : []) {
          const i = (item ?? {}) as Record<string, Json>;
          items.push([
            entry.code,
            str(i.name),
            typeLabel.get(str(i.type)) ?? str(i.type),
            i.length ?? null,
            i.sensitive === true ? '是' : '否',
          ]);
        }
      }
      if (rows.length < PAGE) break;
    }
    const second = sheet(
      ITEM_SHEET,
      ITEM_COLUMNS.map((c) => c.header),
      [20, 24, 12, 8, 10],
    );
    for (const row of items) second.add(row);
  });
  await writeAudit(db, {
    actor: actor.username,
    ip: actor.ip ?? null,
    action: 'export.catalog',
    target: 'catalog',
    outcome: 'ok',
    at: now,
    details: { entries, items: items.length, filter },
  });
  return buffer;
}

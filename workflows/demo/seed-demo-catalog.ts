/** @module Seeds the demo catalog (census systems, published version-1 entries); idempotent by resource code. */
import type { DbOrTx } from '../../platform/db/db';
import * as store from '../catalog/store';
import { DEMO_ENTRIES } from './demo-entries';

/** Returns how many entries it created; entries whose code exists are left alone. */
export async function seedDemoCatalog(db: DbOrTx, now: Date): Promise<number> {
  let created = 0;
  for (const d of DEMO_ENTRIES) {
    const code = String(d.fields.resourceCode);
    if (await store.findEntryByCode(db, code)) continue;
    const system =
      (await store.findSystemByName(db, d.unitId, d.systemName)) ??
      (await store.insertSystem(db, {
        unitId: d.unitId,
        name: d.systemName,
        description: d.systemDescription,
      }));
    const entry = await store.createEntry(db, {
      code,
      unitId: d.unitId,
      systemId: system.id,
      fields: d.fields,
      publishedAt: now,
      publishedBy: `${d.unitId}.cataloguer`,
    });
    await store.recordCatalogEvent(db, {
      unitId: d.unitId,
      entryId: entry.id,
      processKey: 'catalog-registration',
      kind: 'registered',
      at: now,
    });
    created += 1;
  }
  return created;
}

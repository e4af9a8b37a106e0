/**
 * @module Writes a checked catalog plan in the caller's transaction. New codes are written set-based (multi-row
 * inserts of entries, versions and item names, 500 a statement): a county's first import is thousands of entries,
 * and one createEntry per entry took a minute on the embedded database. Every derived value still comes from the
 * catalog's own code (entryColumnsOf, nextCollectionDue, sealSensitiveItems, dataItemNames), so this writes what
 * createEntry writes. Changed codes go through the catalog's publishNextVersion, one by one (a re-import changes
 * few). The import is recorded as catalog events (the entry's history, processKey `excel-import`).
 */
import type { DbOrTx } from '../../../platform/db/db';
import { dataItemNames, entryColumnsOf } from '../../catalog/fields';
import {
  catalogEntries,
  catalogEntryItemNames,
  catalogEntryVersions,
  catalogEvents,
} from '../../catalog/schema';
import { sealSensitiveItems } from '../../catalog/sensitive-items';
import * as store from '../../catalog/store';
import { nextCollectionDue } from '../../catalog/update-cycle';
import type { CatalogPlan } from './check-catalog';

export const IMPORT_PROCESS_KEY = 'excel-import';
const BATCH = 500;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** Version 1 of each new entry, as store.createEntry writes it, a batch at a time. */
async function createEntries(tx: DbOrTx, create: CatalogPlan['create'], by: string, now: Date) {
  const ids = new Map<string, string>();
  await inBatches(create, async (batch) => {
    const rows = await tx
      .insert(catalogEntries)
      .values(
        batch.map(({ entry, systemId }) => {
          const columns = entryColumnsOf(entry.code, entry.fields);
          return {
            code: entry.code,
            unitId: entry.unitId,
            systemId,
            currentVersion: 1,
            ...columns,
            nextCollectionDue: nextCollectionDue(now, columns.updateCycle),
          };
        }),
      )
      .returning({ id: catalogEntries.id, code: catalogEntries.code });
    for (const r of rows) ids.set(r.code, r.id);
  });
  await inBatches(create, (batch) =>
    tx.insert(catalogEntryVersions).values(
      batch.map(({ entry }) => ({
        entryId: ids.get(entry.code)!,
        version: 1,
        fields: sealSensitiveItems(entry.fields),
        publishedAt: now,
        publishedBy: by,
      })),
    ),
  );
  const names = create.flatMap(({ entry }) =>
    [...new Set(dataItemNames(entry.fields).filter(Boolean))].map((name) => ({
      entryId: ids.get(entry.code)!,
      name,
    })),
  );
  await inBatches(names, (batch) => tx.insert(catalogEntryItemNames).values(batch));
  return ids;
}

export async function writeCatalog(tx: DbOrTx, plan: CatalogPlan, by: string, now: Date) {
  const ids = await createEntries(tx, plan.create, by, now);
  const events: (typeof catalogEvents.$inferInsert)[] = plan.create.map(({ entry }) => ({
    unitId: entry.unitId,
    entryId: ids.get(entry.code)!,
    processKey: IMPORT_PROCESS_KEY,
    kind: 'registered',
    at: now,
  }));
  for (const { entry, existing, systemId } of plan.update) {
    await store.publishNextVersion(tx, existing, {
      fields: entry.fields,
      publishedAt: now,
      publishedBy: by,
      systemId,
    });
    events.push({
      unitId: entry.unitId,
      entryId: existing.id,
      processKey: IMPORT_PROCESS_KEY,
      kind: 'changed',
      at: now,
    });
  }
  await inBatches(events, (batch) => tx.insert(catalogEvents).values(batch));
}

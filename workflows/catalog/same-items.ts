/** @module 一数一源 (不得重复采集): which other units' entries already carry data items of the same names, for the reviewer. */
import type { DbOrTx } from '../../platform/db/db';
import * as store from './store';

export interface SameItemEntry {
  entryId: string;
  code: string;
  resourceName: string;
  unitId: string;
  unitName: string;
}

/** At most this many entries per name: the reviewer needs the fact and a few examples, not a county-wide list. */
const PER_NAME = 20;

/**
 * For each name (trimmed, distinct, in the order given) the active entries of units other than `excludeUnitId` whose
 * current version has a data item of exactly that name. Names nobody else carries are left out.
 */
export async function findSameItems(
  db: DbOrTx,
  names: string[],
  excludeUnitId?: string,
): Promise<{ name: string; total: number; entries: SameItemEntry[] }[]> {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  const rows = await store.findEntriesWithItemNames(db, wanted, excludeUnitId);
  const byName = new Map<string, SameItemEntry[]>();
  for (const { name, ...entry } of rows) byName.set(name, [...(byName.get(name) ?? []), entry]);
  return wanted
    .filter((n) => byName.has(n))
    .map((name) => {
      const entries = byName.get(name) ?? [];
      return { name, total: entries.length, entries: entries.slice(0, PER_NAME) };
    });
}

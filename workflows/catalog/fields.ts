/** @module The catalog entry's fields (docs/processes.md "Catalog entry fields"): which variables make up a version. */
import type { Json, Vars } from '../../engine/contract';

export const ENTRY_FIELDS = [
  'systemName',
  'businessName',
  'resourceName',
  'resourceCode',
  'category',
  'dataItems',
  'storageFormat',
  'shareType',
  'shareCondition',
  'shareLegalBasis',
  'openType',
  'openCondition',
  'provision',
  'updateCycle',
  'sharePeriod',
] as const;

export type EntryFields = Record<string, Json>;

/** The entry fields present in a set of variables (the registration form puts them at the top level). */
export function pickEntryFields(vars: Vars): EntryFields {
  const out: EntryFields = {};
  for (const k of ENTRY_FIELDS) if (vars[k] !== undefined && vars[k] !== null) out[k] = vars[k];
  return out;
}

/** The next version's fields: the current ones with the requested changes; the code never changes (it identifies the entry). */
export function applyChanges(current: EntryFields, changes: Json | undefined): EntryFields {
  const next: EntryFields = { ...current };
  if (changes && typeof changes === 'object' && !Array.isArray(changes)) {
    for (const [k, v] of Object.entries(changes)) {
      if (k === 'resourceCode' || !(ENTRY_FIELDS as readonly string[]).includes(k)) continue;
      if (v === null) delete next[k];
      else next[k] = v;
    }
  }
  return next;
}

/** Field-by-field difference for the reviewer (docs/processes.md: "sees the difference against the current version"). */
export function diffFields(
  before: EntryFields,
  after: EntryFields,
): { field: string; before: Json; after: Json }[] {
  const out: { field: string; before: Json; after: Json }[] = [];
  for (const k of ENTRY_FIELDS) {
    const a = before[k] ?? null;
    const b = after[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: k, before: a, after: b });
  }
  return out;
}

/** The entry's columns copied from a version's fields, so lists, filters and `q` never read jsonb. */
export function entryColumnsOf(code: string, fields: EntryFields) {
  const s = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : null);
  const itemNames = dataItemNames(fields);
  return {
    resourceName: s('resourceName') ?? '',
    category: s('category'),
    shareType: s('shareType'),
    openType: s('openType'),
    updateCycle: s('updateCycle'),
    // Lower case so `q` matches codes and Latin names in any case; one space between parts (never inside a name).
    searchText: [code, s('resourceName') ?? '', ...itemNames].filter(Boolean).join(' ').toLowerCase(),
  };
}

/** The names of a version's data items, in order ('' for an item without one). */
export function dataItemNames(fields: EntryFields): string[] {
  const items = Array.isArray(fields.dataItems) ? fields.dataItems : [];
  return items.map((i) =>
    i && typeof i === 'object' && !Array.isArray(i) && typeof i.name === 'string' ? i.name.trim() : '',
  );
}

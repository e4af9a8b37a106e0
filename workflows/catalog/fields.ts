/** @module The catalog entry's fields (PROCESSES.md "Catalog entry fields"): which variables make up a version. */
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

/** Field-by-field difference for the reviewer (PROCESSES.md: "sees the difference against the current version"). */
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

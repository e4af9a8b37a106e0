/**
 * @module ui/forms/refs: how a stored reference reads to a person: a catalog entry id (`x-catalog-entry`) as
 * "code 名称", a unit id (`x-unit`) as the unit's name, an attachment id (`x-attachment`) as its file name. Lookups are cached for the page's life: a drawer that shows
 * the same entry in its form, its submitted data and its variables asks the server once.
 */
import { catalog, itemsOf, request, units } from '../api';

export interface EntryRefLabel {
  code: string;
  name: string;
  unitName: string;
  /** "XC-GAJ-0001 常住人口基本信息" */
  label: string;
}

export interface AttachmentRefMeta {
  id: string;
  name: string;
  size?: number;
  contentType?: string;
}

const entries = new Map<string, Promise<EntryRefLabel>>();
const attachments = new Map<string, Promise<AttachmentRefMeta>>();
let unitNames: Promise<Map<string, string>> | undefined;

/** GET /api/catalog/entries/{id}, once per id; a failure (404 for an entry the user may not see) is not cached. */
export function entryLabel(id: string): Promise<EntryRefLabel> {
  let found = entries.get(id);
  if (!found) {
    found = catalog.entry(id).then((e) => {
      const name = String(e.fields?.resourceName ?? e.fields?.name ?? '');
      return { code: e.code, name, unitName: e.unitName, label: name ? `${e.code} ${name}` : e.code };
    });
    found.catch(() => entries.delete(id));
    entries.set(id, found);
  }
  return found;
}

/** GET /api/attachments/{id}/meta, once per id (not cached when it fails). */
export function attachmentMeta(id: string): Promise<AttachmentRefMeta> {
  let found = attachments.get(id);
  if (!found) {
    found = request<AttachmentRefMeta>(`/attachments/${encodeURIComponent(id)}/meta`);
    found.catch(() => attachments.delete(id));
    attachments.set(id, found);
  }
  return found;
}

/** The county's units (GET /api/units, a short list) as id → name, fetched once. */
export function unitNameMap(): Promise<Map<string, string>> {
  unitNames ??= units.search('').then((list) => new Map(itemsOf(list).map((u) => [u.id, u.name])));
  unitNames.catch(() => {
    unitNames = undefined;
  });
  return unitNames;
}

export async function unitName(id: string): Promise<string | undefined> {
  return (await unitNameMap()).get(id);
}

/** What a value refers to: from its schema's annotation or, for an unschematized process variable, its name. */
export function refKindOf(
  key: string | undefined,
  schema: Record<string, unknown> | undefined,
): 'entry' | 'unit' | 'attachment' | undefined {
  if (schema?.['x-catalog-entry']) return 'entry';
  if (schema?.['x-unit']) return 'unit';
  if (schema?.['x-attachment']) return 'attachment';
  if (schema && Object.keys(schema).length) return undefined;
  if (!key) return undefined;
  if (/^(entryId|\w+EntryId)$/.test(key)) return 'entry';
  if (/^(unitId|\w+UnitId)$/.test(key)) return 'unit';
  return undefined;
}

/** Test seam: forget cached lookups. */
export function clearRefCache(): void {
  entries.clear();
  attachments.clear();
  unitNames = undefined;
}

/** @module ui/pages/catalog/catalog-scale-api: the catalog-at-scale endpoints this area's pages call (docs/api.md "Catalog at county scale"). */
import { type Query, request, type Schemas } from '../../api';

export type StaleEntry = Schemas['StaleEntry'];
export type Collection = Schemas['Collection'];
export type SameItems = Schemas['SameItems'];
export type UncataloguedSystem = Schemas['UncataloguedSystem'];
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const catalogScale = {
  /** A page of entries with the list filters (`{items, total, page, pageSize}`). */
  entries: (query: Query) => request<Page<Schemas['CatalogEntry']>>('/catalog/entries', { query }),
  stale: (query: Query = {}) => request<Page<StaleEntry>>('/supervision/stale-entries', { query }),
  collections: (entryId: string) =>
    request<{ items: Collection[] }>(`/catalog/entries/${encodeURIComponent(entryId)}/collections`),
  collect: (entryId: string, body: { at?: string; records?: number; note?: string }) =>
    request<Collection & { lastCollectedAt: string; nextCollectionDue: string | null }>(
      `/catalog/entries/${encodeURIComponent(entryId)}/collections`,
      { method: 'POST', body },
    ),
  sameItems: (names: string[], excludeUnitId?: string) =>
    request<SameItems>('/catalog/same-items', { query: { names: names.join(','), excludeUnitId } }),
  uncatalogued: (unitId?: string) =>
    request<{ items: UncataloguedSystem[] }>('/catalog/systems/uncatalogued', { query: { unitId } }),
  retireSystem: (id: string) =>
    request<Schemas['InformationSystem']>(`/catalog/systems/${encodeURIComponent(id)}/retire`, {
      method: 'POST',
      body: {},
    }),
};

/** A China-time date and minute for an ISO instant (the county's time whatever the browser's zone). */
export function chinaMinute(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * @module ui/lib/role-catalog: the role catalog from GET /api/roles (identity/roles.ts on the server): names in both
 * languages and which roles are county-wide, loaded once per page load. The UI keeps no role list of its own.
 */
import { useEffect, useState } from 'react';
import { request } from '../api';

export interface CatalogRole {
  key: string;
  name: string;
  nameEn: string;
  countyWide: boolean;
  unitKinds: string[];
}

let byKey = new Map<string, CatalogRole>();
let loading: Promise<void> | undefined;

/** Loads the catalog once; a failed load is tried again by the next caller. */
export function loadRoleCatalog(): Promise<void> {
  loading ??= request<{ items: CatalogRole[] }>('/roles').then(
    ({ items }) => {
      byKey = new Map(items.map((r) => [r.key, r]));
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}

/** The role's entry, or undefined before the catalog arrived (callers show the key meanwhile). */
export const catalogRole = (key: string): CatalogRole | undefined => byKey.get(key);

/**
 * Loads the catalog; true once it has arrived (or failed: names then show as keys). The signed-in layout renders
 * its pages only then, so they read names synchronously (`roleName`) without waiting themselves.
 */
export function useRoleCatalog(): boolean {
  const [ready, setReady] = useState(byKey.size > 0);
  useEffect(() => {
    let alive = true;
    void loadRoleCatalog().then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, []);
  return ready;
}

/** @module ui/pages/admin/units-api: the units endpoints (docs/api.md "Units"): list, add, rename / set kind / (de)activate. */
import { request } from '../../api';

export type UnitKind = 'authority' | 'department' | 'town' | 'public-service';

export interface AdminUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  active: boolean;
  example: boolean;
}

export const adminUnits = {
  list: () => request<{ items: AdminUnit[] }>('/units').then((r) => r.items),
  create: (body: { code: string; name: string; kind: UnitKind }) =>
    request<AdminUnit>('/admin/units', { method: 'POST', body }),
  update: (id: string, body: { name?: string; kind?: UnitKind; active?: boolean }) =>
    request<AdminUnit>(`/admin/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};

/**
 * @module ui/api/admin: user administration, the working-day calendar and the census of information systems; the
 * shapes come from ui/src/api/generated.ts.
 */
import { request, type Query } from './client';
import type { Page, Schemas } from './types';

export type AdminUser = Schemas['AdminUser'];
export type UnitKind = AdminUser['unitKind'];
/** A role with its names; county-wide roles may only be held by the authority's staff. */
export type RoleInfo = Schemas['Role'];
export type NewUserBody = Schemas['CreateUserBody'];
export type CalendarYear = Schemas['CalendarYear'];
export type CalendarSource = CalendarYear['source'];
export type ProvisionalDeadline = Schemas['ProvisionalDeadline'];
/** One information system of a unit's census (`GET /api/catalog/systems`). */
export type CensusSystem = Schemas['InformationSystem'];

const enc = encodeURIComponent;

export const adminUsers = {
  list: (query: Query = {}) => request<Page<AdminUser>>('/admin/users', { query }),
  roles: () => request<{ items: RoleInfo[] }>('/admin/roles'),
  create: (body: NewUserBody) => request<AdminUser>('/admin/users', { method: 'POST', body }),
  update: (id: string, body: { name?: string; unitId?: string; roles?: string[] }) =>
    request<AdminUser>(`/admin/users/${enc(id)}`, { method: 'PATCH', body }),
  setEnabled: (id: string, enabled: boolean) =>
    request<AdminUser>(`/admin/users/${enc(id)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST' }),
  resetPassword: (id: string, password: string) =>
    request<void>(`/admin/users/${enc(id)}/password`, { method: 'POST', body: { password } }),
};

export const calendar = {
  year: (year: number) => request<CalendarYear>(`/calendar/${year}`),
  load: (year: number, body: { holidays: string[]; makeupWorkdays: string[] }) =>
    request<CalendarYear & { recomputed: number }>(`/calendar/${year}`, { method: 'PUT', body }),
  provisional: () =>
    request<{ items: ProvisionalDeadline[]; total: number; missingYears: number[] }>('/calendar/provisional'),
};

export const census = {
  list: (unitId?: string) => request<{ items: CensusSystem[] }>('/catalog/systems', { query: { unitId } }),
  add: (body: { name: string; description?: string }) =>
    request<CensusSystem>('/catalog/systems', { method: 'POST', body }),
  edit: (id: string, body: { name?: string; description?: string }) =>
    request<CensusSystem>(`/catalog/systems/${enc(id)}`, { method: 'PUT', body }),
};

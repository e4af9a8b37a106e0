/** @module ui/api/admin: user administration, the working-day calendar and the census of information systems. */
import { request, type Query } from './client';
import type { Page } from './types';

export type UnitKind = 'authority' | 'department' | 'town' | 'public-service';

export interface AdminUser {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  roles: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RoleInfo {
  key: string;
  name: string;
  nameEn: string;
  /** County-wide roles may only be held by the authority's staff. */
  countyWide: boolean;
}

export interface NewUserBody {
  username: string;
  name: string;
  unitId: string;
  roles: string[];
  password: string;
}

export type CalendarSource = 'package' | 'admin' | 'none';

export interface CalendarYear {
  year: number;
  source: CalendarSource;
  holidays: string[];
  makeupWorkdays: string[];
}

export interface ProvisionalDeadline {
  taskId: string;
  taskName: string;
  processInstanceId: string;
  processKey: string;
  processName: string | null;
  businessKey: string | null;
  unitId: string | null;
  unitName: string | null;
  createdAt: string;
  dueAt: string;
  missingYears: number[];
}

export interface CensusSystem {
  id: string;
  unitId: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

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

/** @module ui/pages/audit/audit-api: GET /api/audit and the export URL with the same filters (audit.admin only). */
import { buildUrl, request } from '../../api';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details: Record<string, unknown> | null;
}

export interface AuditFilters {
  /** China dates (YYYY-MM-DD): the server takes each as that whole day in China time. */
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export const auditLog = {
  list: (filters: AuditFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    request<AuditPage>('/audit', { query: { ...filters, page, pageSize }, signal }),
  exportUrl: (filters: AuditFilters) => buildUrl('/audit/export.xlsx', { ...filters }),
};

/** `2026-12-03 19:53:31` in China time, whatever the browser's zone (the county's offices and the server agree). */
export function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** @module ui/lib/format: dates and roles shown the way Chinese users read them. */

/**
 * China time whatever the browser's zone: deadlines are China working days ending 23:59 Beijing time, and a laptop
 * or kiosk set to UTC must not show them as 15:59. China has no daylight saving, so a fixed +8 h is exact.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export function formatDate(iso: string | null | undefined): string {
  return formatTime(iso).slice(0, 10);
}

const ROLE_NAMES: Record<string, string> = {
  'authority.reviewer': '目录审核',
  'authority.governance': '数据治理',
  'authority.admin': '流程管理员',
  'unit.cataloguer': '目录编制员',
  'unit.leader': '单位负责人',
  'unit.feedback': '问题数据专人',
  'unit.rectifier': '整改责任人',
  supervisor: '督办',
};

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

/** 督办 is for supervisors and the authority (API.md: supervision routes are for `supervisor` and `authority.*`). */
export function canSupervise(roles: string[]): boolean {
  return roles.some((r) => r === 'supervisor' || r.startsWith('authority.'));
}

export function isAdmin(roles: string[]): boolean {
  return roles.includes('authority.admin');
}

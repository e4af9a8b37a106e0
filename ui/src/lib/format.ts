/** @module ui/lib/format: dates and roles shown the way Chinese users read them. */

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
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

/** @module ui/lib/format: dates and roles shown the way Chinese users read them. */
import { catalogRole } from './role-catalog';

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

/**
 * The role's Chinese name from the server's catalog (role-catalog.ts; `catalogRole(key)?.nameEn` for English); the
 * key itself until the catalog has loaded. One argument, so `roles.map(roleName)` stays right.
 */
export function roleName(role: string): string {
  return catalogRole(role)?.name ?? role;
}

/** Whether any of the roles sees every unit's work (the server's catalog decides; false until it has loaded). */
export function isCountyWide(roles: string[]): boolean {
  return roles.some((r) => catalogRole(r)?.countyWide === true);
}

/**
 * 督办 is for supervisors and the authority: the supervision routes' own access rule (`supervisor`, `authority.*` in
 * server/routes/supervision.ts), which is not "county-wide" (a county-wide collector has no 督办); see isCountyWide.
 */
export function canSupervise(roles: string[]): boolean {
  return roles.some((r) => r === 'supervisor' || r.startsWith('authority.'));
}

export function isAdmin(roles: string[]): boolean {
  return roles.includes('authority.admin');
}

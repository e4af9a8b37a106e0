/**
 * @module The RBAC helper every route uses: who may act, and which units' data a user sees.
 * Authority roles and supervisors are county-wide; unit roles see their own unit only (docs/processes.md).
 */
import { AppError } from '../../platform/errors';
import { isCountyWideRole } from '../../identity/roles';
import type { SessionUser } from '../../identity/store';

export const isCountyWide = (user: SessionUser) => user.roles.some(isCountyWideRole);

export const hasRole = (user: SessionUser, ...roles: string[]) => user.roles.some((r) => roles.includes(r));

/** Throws FORBIDDEN unless the user holds one of `roles` (a prefix ending in `.*` matches a family). */
export function requireRole(user: SessionUser, ...roles: string[]): SessionUser {
  const ok = user.roles.some((r) =>
    roles.some((want) => (want.endsWith('.*') ? r.startsWith(want.slice(0, -1)) : r === want)),
  );
  if (!ok) throw new AppError('FORBIDDEN', '无权执行此操作', { messageEn: 'You are not allowed to do this' });
  return user;
}

/** The units whose data the user may see: all, or their own. */
export function unitScope(user: SessionUser): { all: true } | { all: false; unitIds: string[] } {
  return isCountyWide(user) ? { all: true } : { all: false, unitIds: [user.unitId] };
}

export function canSeeUnit(user: SessionUser, unitId: string | null | undefined): boolean {
  return isCountyWide(user) || (unitId != null && unitId === user.unitId);
}

/** 404, not 403, for things of other units: their existence is not the caller's business (docs/api.md). */
export function assertCanSeeUnit(user: SessionUser, unitId: string | null | undefined) {
  if (!canSeeUnit(user, unitId))
    throw new AppError('NOT_FOUND', '请求的资源不存在', { messageEn: 'Not found' });
}

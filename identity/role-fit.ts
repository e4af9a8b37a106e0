/**
 * @module Which roles a user of a unit may hold. County-wide roles (roles.ts) see every unit's work, so they belong
 * to the authority's staff only; a unit role may be held in any unit, the authority included (it catalogues its own data).
 */
import { isCountyWideRole, isRoleKey, ROLE_KEYS, ROLES, type RoleKey } from './roles';
import { isAuthorityOnlyRole } from './separation';

export type UnitKind = 'authority' | 'department' | 'town' | 'public-service';
const UNIT_KINDS: readonly UnitKind[] = ['authority', 'department', 'town', 'public-service'];

/** The unit kinds whose staff may hold `role`: what roleIssues enforces, as a list a client can show. */
export function unitKindsFor(role: RoleKey): UnitKind[] {
  return isCountyWideRole(role) || isAuthorityOnlyRole(role) ? ['authority'] : [...UNIT_KINDS];
}

/** The role catalog as clients read it (GET /api/roles): key, names, county-wide or not, who may hold it. */
export function roleCatalog() {
  return ROLE_KEYS.map((key) => ({
    key,
    name: ROLES[key].name,
    nameEn: ROLES[key].nameEn,
    countyWide: ROLES[key].countyWide,
    unitKinds: unitKindsFor(key),
  }));
}

export interface RoleIssue {
  role: string;
  message: string;
  messageEn: string;
}

/** Expected failures as a list: unknown role keys and roles that do not fit the unit's kind. Empty = fine. */
export function roleIssues(roles: readonly string[], unitKind: UnitKind): RoleIssue[] {
  const issues: RoleIssue[] = [];
  for (const role of new Set(roles)) {
    if (!isRoleKey(role)) {
      issues.push({ role, message: `未知角色“${role}”`, messageEn: `Unknown role "${role}"` });
    } else if (isCountyWideRole(role) && unitKind !== 'authority') {
      issues.push({
        role,
        message: `“${ROLES[role].name}”是全县范围的角色，只能授予大数据主管部门的人员`,
        messageEn: `"${ROLES[role].nameEn}" is county-wide and only for staff of the big-data authority`,
      });
    } else if (isAuthorityOnlyRole(role) && unitKind !== 'authority') {
      issues.push({
        role,
        message: `“${ROLES[role].name}”只能授予大数据主管部门的人员`,
        messageEn: `"${ROLES[role].nameEn}" is only for staff of the big-data authority`,
      });
    }
  }
  return issues;
}

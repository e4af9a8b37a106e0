/**
 * @module 三员分立 (等保 2.0): the system (processes), security (accounts) and audit administrators are three people.
 * No account may hold two of the three roles, so no one person can both act and erase or review the traces of it.
 */
import { AppError } from '../platform/errors';
import { ROLES } from './roles';

/** In the order messages name them: security, audit, system administrator. */
export const SYSTEM_ADMIN_ROLES = ['security.admin', 'audit.admin', 'authority.admin'] as const;

const isSystemAdminRole = (role: string) => (SYSTEM_ADMIN_ROLES as readonly string[]).includes(role);

/** Throws 409 SEPARATION_OF_DUTIES naming the roles when `roles` holds more than one of the three. */
export function assertSeparationOfDuties(roles: readonly string[]): void {
  const held = SYSTEM_ADMIN_ROLES.filter((r) => roles.includes(r));
  if (held.length < 2) return;
  const zh = held.map((r) => `“${ROLES[r].name}”`).join('、');
  const en = held.map((r) => `"${ROLES[r].nameEn}"`).join(', ');
  throw new AppError('SEPARATION_OF_DUTIES', `三员分立：同一账号不能同时担任${zh}`, {
    messageEn: `Separation of duties: one account cannot hold ${en} together`,
    details: [{ path: '/roles', message: `不能同时担任${zh}`, messageEn: `cannot hold ${en} together` }],
  });
}

/** The three administrators work for the authority: their roles belong to accounts of the authority unit. */
export const isAuthorityOnlyRole = isSystemAdminRole;

/** @module The caller as the catalog sees it (SessionUser-compatible), and who counts as the authority. */
import { isCountyWideRole } from '../../identity/roles';

export interface Actor {
  username: string;
  unitId: string | null;
  roles: string[];
}

/**
 * County-wide roles (the authority, supervision: identity/roles.ts decides which) see what is in progress in every
 * unit; everyone else sees their own unit's drafts and every published entry.
 */
export const isAuthority = (a: Actor) => a.roles.some(isCountyWideRole);

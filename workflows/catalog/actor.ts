/** @module The caller as the catalog sees it (SessionUser-compatible), and who counts as the authority. */

export interface Actor {
  username: string;
  unitId: string | null;
  roles: string[];
}

/** The authority and supervision see what is in progress in every unit. */
export const isAuthority = (a: Actor) =>
  a.roles.some((r) => r.startsWith('authority.') || r === 'supervisor');

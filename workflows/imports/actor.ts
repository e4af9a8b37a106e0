/** @module Who imports: the signed-in user (SessionUser-compatible) and their address, for scope and the audit log. */

export interface ImportActor {
  username: string;
  unitId: string;
  roles: string[];
  ip?: string | null;
}

/** @module The identity module's shared shapes, in a file of their own so that the store and its caches need not import each other. */

/** The signed-in person as every request sees them. */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  roles: string[];
}

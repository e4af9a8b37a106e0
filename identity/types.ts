/** @module The identity module's shared shapes, in a file of their own so that the store and its caches need not import each other. */

/** The signed-in person as every request sees them. */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  roles: string[];
  /** A one-time password is in use: only GET /api/me, POST /api/me/password and logout are open (docs/api.md). */
  mustChangePassword?: boolean;
  /** An administrator without a second factor yet: only enrolment, /api/me, password and logout are open. */
  mustEnrolSecondFactor?: boolean;
  /** TOTP is enrolled: login asks for a code. */
  secondFactor?: boolean;
}

/** How long sessions live (wall clock): idle minutes without a request, absolute hours after login. */
export interface SessionPolicy {
  idleMinutes: number;
  hours: number;
}

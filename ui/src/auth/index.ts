/** @module ui/auth: the session (current user, login, logout) and the gate to the account page. */
export { AccountGate, mustVisitAccount } from './account-gate';
export { AuthProvider, useAuth, useUser } from './auth-context';

/** @module ui/auth: the session (current user, login, logout). */
export { AuthProvider, useAuth, useUser } from './auth-context';

/**
 * @module ui/auth/account-gate: a user with a one-time password, or an administrator without a second factor, is
 * taken to /account and cannot go elsewhere until done (the server refuses every other route with 403 anyway).
 */
import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import type { User } from '../api';
import { useAuth } from './auth-context';

export const mustVisitAccount = (user: User | undefined): boolean =>
  !!user && (user.mustChangePassword === true || user.mustEnrolSecondFactor === true);

export function AccountGate({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  if (mustVisitAccount(user)) return <Navigate to="/account" replace />;
  return children;
}

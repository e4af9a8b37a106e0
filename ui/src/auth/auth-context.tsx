/**
 * @module ui/auth/auth-context: who is logged in (GET /api/me), login (with a second-factor code when asked) and
 * logout; a 401 anywhere ends the session.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { auth, request, setUnauthenticatedHandler, type User } from '../api';

interface AuthValue {
  user: User | undefined;
  /** True until the first /me answer: routes wait instead of flashing the login page. */
  checking: boolean;
  /** `code`: the TOTP or recovery code, asked for after the server answered SECOND_FACTOR_REQUIRED. */
  login: (username: string, password: string, code?: string) => Promise<User>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User>();
  const [checking, setChecking] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setUser(await auth.me());
    } catch {
      setUser(undefined);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setUser(undefined));
    void refresh();
  }, [refresh]);

  const login = useCallback(async (username: string, password: string, code?: string) => {
    // The answer's token is for API clients; the browser keeps the HttpOnly cookie the same answer set.
    const res = code
      ? await request<{ token: string; user: User }>('/auth/login', {
          method: 'POST',
          body: { username, password, code },
          quiet401: true,
        })
      : await auth.login(username, password);
    setUser(res.user);
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      setUser(undefined);
    }
  }, []);

  const value = useMemo(
    () => ({ user, checking, login, logout, refresh }),
    [user, checking, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The logged-in user; only for pages under the authenticated layout. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}

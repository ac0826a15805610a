/**
 * Who is logged in: asked once from /api/auth/session at start (it answers `{ user: null }` when
 * nobody is, so a logged-out visit makes no failing request), set by login, cleared by logout or
 * by any 401 (expired session).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, setUnauthorisedHandler } from '../api/client.ts';
import type { User } from '../api/types.ts';

interface SessionState {
  /** undefined while asking the server, null when nobody is logged in. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    setUnauthorisedHandler(() => setUser(null));
    api.get('/api/auth/session').then(
      (body) => setUser(body.user),
      (error: unknown) => {
        // The server is down or broken (logged out is an answer, not a failure): show the login
        // page, which reports errors.
        console.error(error);
        setUser(null);
      },
    );
    return () => setUnauthorisedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const body = await api.post('/api/auth/login', { username, password });
    setUser(body.user);
    return body.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {});
    } finally {
      setUser(null);
    }
  }, []);

  return (
    <SessionContext.Provider value={{ user, login, logout }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The user when logged in (components under the authenticated shell only). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}

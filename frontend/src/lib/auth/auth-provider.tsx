import { isAxiosError } from 'axios';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import { setUnauthorizedHandler } from '@/lib/api-client';
import type { AuthResponse, SessionUser } from '@/types/api';
import { getCurrentUser } from './auth-api';
import { endServerSession, refreshAheadMs, refreshSession } from './session-refresh';
import { tokenStorage } from './token-storage';

export type AuthState =
  | { status: 'loading'; user: null } // a stored token is being checked against the API
  | { status: 'anonymous'; user: null }
  | { status: 'authenticated'; user: SessionUser }
  | { status: 'unavailable'; user: null }; // a stored token could not be checked: the API is unreachable

export type AuthContextValue = AuthState & {
  /** Keep the token and user from a successful login or signup. */
  startSession: (response: AuthResponse) => void;
  /** Reflect profile edits (e.g. a new name) in the header. */
  updateUser: (changes: Partial<Omit<SessionUser, 'id' | 'role'>>) => void;
  logout: () => void;
  /** Try again to restore the session after the API was unreachable. */
  retry: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

const anonymous: AuthState = { status: 'anonymous', user: null };
const loading: AuthState = { status: 'loading', user: null };

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() => (tokenStorage.hasSession() ? loading : anonymous));
  const [restoreAttempt, setRestoreAttempt] = useState(0);
  const [refreshes, setRefreshes] = useState(0);

  const logout = useCallback(() => {
    // The server call reads the token before this clears it.
    void endServerSession();
    tokenStorage.clear();
    setState(anonymous);
  }, []);

  // Access tokens live minutes: renew one a minute before it lapses, so an idle page's sockets and next request
  // find a valid token. A refused refresh ends the session.
  const signedIn = state.status === 'authenticated';
  useEffect(() => {
    if (!signedIn) return;
    const remaining = tokenStorage.msUntilExpiry();
    if (remaining === null || !tokenStorage.getRefreshToken()) return;
    const timer = setTimeout(() => {
      void refreshSession().then((renewed) => {
        if (renewed) setRefreshes((count) => count + 1);
        else if (!tokenStorage.hasSession()) setState(anonymous);
      });
    }, Math.max(0, remaining - refreshAheadMs));
    return () => clearTimeout(timer);
  }, [signedIn, refreshes]);

  // Any 401 on an authenticated request ends the session; RequireAuth then sends the user to /login.
  useEffect(() => setUnauthorizedHandler(logout), [logout]);

  useEffect(() => {
    if (!tokenStorage.hasSession()) return;
    let cancelled = false;
    getCurrentUser()
      .then(({ id, email, role, full_name }) => {
        if (!cancelled) setState({ status: 'authenticated', user: { id, email, role, full_name } });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        // A 401 has already signed the user out through the unauthorized handler.
        if (isAxiosError(error) && error.response?.status === 401) return;
        setState({ status: 'unavailable', user: null });
      });
    return () => {
      cancelled = true;
    };
  }, [restoreAttempt]);

  const startSession = useCallback((response: AuthResponse) => {
    tokenStorage.save(response);
    setState({ status: 'authenticated', user: response.user });
  }, []);

  const updateUser = useCallback((changes: Partial<Omit<SessionUser, 'id' | 'role'>>) => {
    setState((current) =>
      current.status === 'authenticated'
        ? { status: 'authenticated', user: { ...current.user, ...changes } }
        : current,
    );
  }, []);

  const retry = useCallback(() => {
    if (!tokenStorage.hasSession()) {
      setState(anonymous);
      return;
    }
    setState(loading);
    setRestoreAttempt((attempt) => attempt + 1);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ ...state, startSession, updateUser, logout, retry }),
    [state, startSession, updateUser, logout, retry],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

// eslint-disable-next-line react-refresh/only-export-components -- the hook belongs beside its provider
export function useAuth(): AuthContextValue {
  const context = use(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>.');
  return context;
}

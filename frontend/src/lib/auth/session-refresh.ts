import axios, { isAxiosError } from 'axios';
import { env } from '@/config/env';
import { tokenStorage, type SessionTokens } from './token-storage';

/** Refresh this long before the access token expires, so requests never carry one about to lapse. */
export const refreshAheadMs = 60_000;

let inFlight: Promise<boolean> | null = null;

/**
 * Spends the refresh token for a new pair. One refresh at a time for the whole app: the server treats a second use
 * of a refresh token as theft and ends the session, so parallel callers share the same attempt. Resolves false (and
 * forgets the session) when the server refuses; a network failure keeps the session and resolves false.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    const refreshToken = tokenStorage.getRefreshToken();
    if (!refreshToken) return false;
    try {
      // Not through the api client: its 401 handling would call back here.
      const response = await axios.post<SessionTokens>(`${env.apiBaseUrl}/auth/refresh`, { refresh_token: refreshToken });
      tokenStorage.save(response.data);
      return true;
    } catch (error) {
      // 409: another tab's refresh with the same token won; its pair is in storage now.
      if (isAxiosError(error) && error.response?.status === 409) return tokenStorage.getRefreshToken() !== refreshToken;
      if (isAxiosError(error) && error.response) tokenStorage.clear();
      return false;
    }
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** An access token good for at least a minute more, refreshing first when needed; null when signed out. */
export async function freshAccessToken(): Promise<string | null> {
  const remaining = tokenStorage.msUntilExpiry();
  if (remaining === null) return null;
  if (remaining < refreshAheadMs && tokenStorage.getRefreshToken()) await refreshSession();
  return tokenStorage.get();
}

/** Tells the server the session is over (best effort: the local session ends either way). */
export async function endServerSession(): Promise<void> {
  const token = tokenStorage.get();
  if (!token) return;
  try {
    await axios.post(`${env.apiBaseUrl}/auth/logout`, undefined, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    // Already signed out, or offline: the tokens are dropped locally anyway.
  }
}

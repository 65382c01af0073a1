// The session lives in localStorage so a reload keeps the user signed in: a short-lived access token and the
// single-use refresh token that gets the next one.

const storageKey = 'ottobon.session';

/** What sign-up, login and refresh return about the tokens. */
export type SessionTokens = {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  refresh_expires_in?: number;
};

type StoredSession = {
  accessToken: string;
  expiresAt: number; // epoch milliseconds
  refreshToken: string | null;
  refreshExpiresAt: number;
};

export const tokenStorage = {
  save(tokens: SessionTokens, now = Date.now()): void {
    const stored: StoredSession = {
      accessToken: tokens.access_token,
      expiresAt: now + tokens.expires_in * 1000,
      refreshToken: tokens.refresh_token ?? null,
      refreshExpiresAt: now + (tokens.refresh_expires_in ?? 0) * 1000,
    };
    localStorage.setItem(storageKey, JSON.stringify(stored));
  },

  /** The access token, or null when there is none or it has expired. */
  get(now = Date.now()): string | null {
    const stored = readStoredSession(now);
    return stored && stored.expiresAt > now ? stored.accessToken : null;
  },

  /** The refresh token while it may still be used. */
  getRefreshToken(now = Date.now()): string | null {
    return readStoredSession(now)?.refreshToken ?? null;
  },

  /** Milliseconds until the access token expires (negative once it has); null without a session. */
  msUntilExpiry(now = Date.now()): number | null {
    const stored = readStoredSession(now);
    return stored ? stored.expiresAt - now : null;
  },

  /** A session exists when the access token is valid or can be refreshed. */
  hasSession(now = Date.now()): boolean {
    return readStoredSession(now) !== null;
  },

  clear(): void {
    localStorage.removeItem(storageKey);
  },
};

function readStoredSession(now: number): StoredSession | null {
  const raw = localStorage.getItem(storageKey);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.accessToken === 'string' && typeof parsed.expiresAt === 'number') {
      const session: StoredSession = {
        accessToken: parsed.accessToken,
        expiresAt: parsed.expiresAt,
        refreshToken: typeof parsed.refreshToken === 'string' ? parsed.refreshToken : null,
        refreshExpiresAt: typeof parsed.refreshExpiresAt === 'number' ? parsed.refreshExpiresAt : 0,
      };
      const usable = session.expiresAt > now || (session.refreshToken !== null && session.refreshExpiresAt > now);
      if (usable) return session;
    }
  } catch {
    // Fall through: a corrupt entry is treated as no session.
  }
  localStorage.removeItem(storageKey);
  return null;
}

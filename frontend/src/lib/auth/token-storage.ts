// The access token lives in localStorage so a reload keeps the user signed in.

const storageKey = 'ottobon.session';

type StoredToken = {
  accessToken: string;
  expiresAt: number; // epoch milliseconds
};

export const tokenStorage = {
  save(accessToken: string, expiresInSeconds: number, now = Date.now()): void {
    const stored: StoredToken = { accessToken, expiresAt: now + expiresInSeconds * 1000 };
    localStorage.setItem(storageKey, JSON.stringify(stored));
  },

  /** The token, or null when there is none or it has expired. */
  get(now = Date.now()): string | null {
    const stored = readStoredToken();
    if (!stored) return null;
    if (stored.expiresAt <= now) {
      localStorage.removeItem(storageKey);
      return null;
    }
    return stored.accessToken;
  },

  clear(): void {
    localStorage.removeItem(storageKey);
  },
};

function readStoredToken(): StoredToken | null {
  const raw = localStorage.getItem(storageKey);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredToken>;
    if (typeof parsed.accessToken === 'string' && typeof parsed.expiresAt === 'number') {
      return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt };
    }
  } catch {
    // Fall through: a corrupt entry is treated as no session.
  }
  localStorage.removeItem(storageKey);
  return null;
}

import { describe, expect, it } from 'vitest';
import { tokenStorage } from './token-storage';

describe('tokenStorage', () => {
  it('keeps a token until it expires', () => {
    tokenStorage.save({ access_token: 'abc', expires_in: 60 }, 1_000);

    expect(tokenStorage.get(1_000 + 59_000)).toBe('abc');
    expect(tokenStorage.get(1_000 + 60_000)).toBeNull();
    expect(tokenStorage.get(0)).toBeNull(); // the expired entry was removed
  });

  it('keeps the session past the access token while the refresh token is valid', () => {
    tokenStorage.save({ access_token: 'abc', expires_in: 60, refresh_token: 'r1', refresh_expires_in: 3600 }, 1_000);

    expect(tokenStorage.get(1_000 + 61_000)).toBeNull();
    expect(tokenStorage.hasSession(1_000 + 61_000)).toBe(true);
    expect(tokenStorage.getRefreshToken(1_000 + 61_000)).toBe('r1');
    expect(tokenStorage.hasSession(1_000 + 3_601_000)).toBe(false);
  });

  it('ignores a corrupt entry', () => {
    localStorage.setItem('ottobon.session', 'not json');
    expect(tokenStorage.get()).toBeNull();
  });
});

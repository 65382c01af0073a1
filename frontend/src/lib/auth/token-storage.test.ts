import { describe, expect, it } from 'vitest';
import { tokenStorage } from './token-storage';

describe('tokenStorage', () => {
  it('keeps a token until it expires', () => {
    tokenStorage.save('abc', 60, 1_000);

    expect(tokenStorage.get(1_000 + 59_000)).toBe('abc');
    expect(tokenStorage.get(1_000 + 60_000)).toBeNull();
    expect(tokenStorage.get(0)).toBeNull(); // the expired entry was removed
  });

  it('ignores a corrupt entry', () => {
    localStorage.setItem('ottobon.session', 'not json');
    expect(tokenStorage.get()).toBeNull();
  });
});

import MockAdapter from 'axios-mock-adapter';
import { afterAll, afterEach } from 'vitest';
import { api } from '@/lib/api-client';
import { tokenStorage } from '@/lib/auth';
import type { CurrentUser } from '@/types/api';

/**
 * Answers the app's API client in memory; unmatched requests fail loudly.
 * Call once at the top of a test file: handlers are cleared after each test.
 */
export function mockApi(): MockAdapter {
  const mock = new MockAdapter(api, { onNoMatch: 'throwException' });
  afterEach(() => mock.reset());
  afterAll(() => mock.restore());
  return mock;
}

/** A stored token plus a /users/me that accepts it: the app restores this session on start. */
export function signedInAs(mock: MockAdapter, user: CurrentUser): void {
  tokenStorage.save({ access_token: `token-for-${user.id}`, expires_in: 3600 });
  mock.onGet('/users/me').reply(200, user);
  // Every signed-in layout has the notification bell.
  mock.onGet('/notifications/unread-count').reply(200, { unread_count: 0 });
}

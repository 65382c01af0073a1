import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import { tokenStorage } from './token-storage';

const api = mockApi();

describe('AuthProvider', () => {
  it('restores the session from the stored token on reload', async () => {
    signedInAs(api, buildUser('seeker'));
    renderApp('/jobs');

    expect(await screen.findByRole('heading', { level: 1, name: 'Jobs' })).toBeInTheDocument();
    expect(api.history.get[0].headers?.Authorization).toBe('Bearer token-for-user-seeker');
  });

  it('signs out and goes to /login when the stored token is rejected', async () => {
    tokenStorage.save({ access_token: 'expired-on-the-server', expires_in: 3600 });
    api.onGet('/users/me').reply(401, { detail: 'Token expired' });
    // (A page for signed-in users only: the feed would stay open to the now-anonymous visitor.)
    const app = renderApp('/profile');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login');
    expect(tokenStorage.get()).toBeNull();
  });

  it('signs out and goes to /login on any later 401 from the API', async () => {
    tokenStorage.save({ access_token: 'token-for-user-seeker', expires_in: 3600 });
    api
      .onGet('/users/me')
      .replyOnce(200, buildUser('seeker')) // restoring the session
      .onGet('/users/me')
      .replyOnce(401, { detail: 'Session revoked' }); // the profile page's own request
    const app = renderApp('/profile');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login');
    expect(app.router.state.location.state).toEqual({ from: '/profile' });
    expect(tokenStorage.get()).toBeNull();
  });

  it('keeps the session and offers a retry when the API cannot be reached', async () => {
    tokenStorage.save({ access_token: 'token-for-user-seeker', expires_in: 3600 });
    api.onGet('/users/me').replyOnce(500).onGet('/users/me').replyOnce(200, buildUser('seeker'));
    const { user } = renderApp('/jobs');

    await user.click(await screen.findByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Jobs' })).toBeInTheDocument();
    expect(tokenStorage.get()).toBe('token-for-user-seeker');
  });

  it('logs out from the header', async () => {
    signedInAs(api, buildUser('admin'));
    const app = renderApp('/admin/history');

    await app.user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login');
    expect(tokenStorage.get()).toBeNull();
  });
});

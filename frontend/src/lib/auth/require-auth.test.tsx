import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import { tokenStorage } from './token-storage';

const api = mockApi();

describe('RequireAuth (the route guard)', () => {
  it('sends an anonymous visitor to /login and remembers where they were going', async () => {
    const app = renderApp('/profile');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login');
    expect(app.router.state.location.state).toEqual({ from: '/profile' });
    expect(screen.queryByRole('heading', { name: 'Profile' })).not.toBeInTheDocument();
  });

  it('turns a seeker away from an admin page without showing any of it', async () => {
    signedInAs(api, buildUser('seeker'));
    const app = renderApp('/admin/control-tower');

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Control Tower' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your home page' })).toHaveAttribute('href', '/jobs');
    expect(app.currentPath()).toBe('/admin/control-tower');
    // The seeker keeps their own navigation, with no admin entries.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Control Tower' })).not.toBeInTheDocument();
  });

  it('lets an admin open an admin page', async () => {
    signedInAs(api, buildUser('admin'));
    renderApp('/admin/control-tower');

    expect(await screen.findByRole('heading', { level: 1, name: 'Control Tower' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Not allowed' })).not.toBeInTheDocument();
  });

  it('shows nothing protected while the session is being restored', async () => {
    tokenStorage.save({ access_token: 'token-for-user-admin', expires_in: 3600 });
    let answerUsersMe: (reply: [number, unknown]) => void = () => {};
    api.onGet('/users/me').reply(() => new Promise((resolve) => (answerUsersMe = resolve)));

    renderApp('/admin/control-tower');

    expect(screen.getByRole('status')).toHaveTextContent('Restoring your session');
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();

    await waitFor(() => expect(api.history.get).toHaveLength(1));
    answerUsersMe([200, buildUser('admin')]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Control Tower' })).toBeInTheDocument();
  });

  it('sends a signed-in user at "/" to the first page of their role', async () => {
    signedInAs(api, buildUser('provider'));
    const app = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Post a job' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/provider/jobs/new');
  });
});

describe('the app shell', () => {
  it.each([
    ['seeker', '/jobs', ['Jobs', 'Saved searches', 'My applications', 'Profile', 'Chat']],
    ['provider', '/provider/jobs/new', ['Post a job', 'My listings']],
    ['admin', '/admin/control-tower', ['Control Tower', 'Ingestion', 'History']],
  ] as const)('shows the %s navigation and marks the current page', async (role, home, labels) => {
    signedInAs(api, buildUser(role));
    renderApp(home);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(labels);
    expect(within(nav).getByRole('link', { name: labels[0] })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: labels[1] })).not.toHaveAttribute('aria-current');
  });

  it("shows the user's name and role in the header", async () => {
    signedInAs(api, buildUser('seeker'));
    renderApp('/jobs');

    const header = await screen.findByRole('banner');
    expect(await within(header).findByText('Sita Seeker')).toBeInTheDocument();
    expect(within(header).getByText('Job seeker')).toBeInTheDocument();
  });

  it('opens and closes the menu on small screens', async () => {
    signedInAs(api, buildUser('seeker'));
    const { user } = renderApp('/jobs');

    const menuButton = await screen.findByRole('button', { name: 'Open menu' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await user.click(menuButton);
    expect(screen.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Open menu' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows a 404 page for an unknown address', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go home' })).toHaveAttribute('href', '/');
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildFeedItems, buildFeedPage, buildJobDetails } from '@/testing/job-data';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const api = mockApi();

// Visitors have no token: nothing they open may ask for a signed-in user's data (an unexpected request fails).
const askedFor = (url: string) => api.history.get.some((request) => request.url === url);

describe('visitors without an account', () => {
  it('browse the feed in the public layout, invited to sign up instead of seeing recommendations', async () => {
    api.onGet('/jobs/feed').reply(200, buildFeedPage(buildFeedItems(2)));
    api.onGet('/jobs/companies').reply(200, ['Deloitte']);
    renderApp('/jobs');

    expect(await screen.findByRole('article', { name: 'Job number 1' })).toBeInTheDocument();
    const header = screen.getByRole('navigation', { name: 'Main' });
    expect(within(header).getByRole('link', { name: 'Browse jobs' })).toHaveAttribute('aria-current', 'page');
    expect(within(header).getByRole('link', { name: 'Create account' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open menu' })).not.toBeInTheDocument();
    const invite = screen.getByRole('complementary', { name: 'Recommendations' });
    expect(within(invite).getByRole('link', { name: 'Create a free account' })).toHaveAttribute('href', '/register?role=seeker');
    expect(askedFor('/jobs/recommended')).toBe(false);
    expect(askedFor('/users/me')).toBe(false);
  });

  it("open a job's page with a sign-up call in place of the seeker's buttons", async () => {
    const job = buildJobDetails({ id: 'job-9' });
    api.onGet('/jobs/job-9/details').reply(200, job);
    renderApp('/jobs/job-9');

    expect(await screen.findByRole('heading', { level: 1, name: job.title })).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Job actions' });
    expect(within(actions).getByRole('link', { name: 'Sign up to check your fit' })).toHaveAttribute('href', '/register?role=seeker');
    expect(within(actions).queryByRole('link', { name: /Check my fit/ })).not.toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: /coach/i })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to jobs' })).toHaveAttribute('href', '/jobs');
    // Only the anonymous reads: the job and its similar jobs, never the seeker's fit or profile.
    expect(api.history.get.map((request) => request.url).sort()).toEqual(['/jobs/job-9/details', '/jobs/job-9/similar']);
  });

  it('still sign in for everything else', async () => {
    const app = renderApp('/jobs/job-9/match');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login');
  });
});

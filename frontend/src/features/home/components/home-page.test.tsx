import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildFeedItem, buildFeedPage } from '@/testing/job-data';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const api = mockApi();

describe('home page', () => {
  it('tells a visitor what Ottobon Jobs does and shows the newest jobs from the public feed', async () => {
    api.onGet('/jobs/feed', { params: { limit: 6 } }).reply(200, buildFeedPage([
      buildFeedItem({ id: 'job-7', title: 'Audit Associate', company_name: 'Deloitte' }),
      buildFeedItem({ id: 'job-8', title: 'Data Analyst Intern', company_name: 'KPMG' }),
    ]));
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: /Your first job/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Interview prep for every job' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Know your fit' })).toBeInTheDocument();

    const newest = screen.getByRole('region', { name: 'Newest jobs' });
    expect(await within(newest).findByRole('link', { name: 'Audit Associate' })).toHaveAttribute('href', '/jobs/job-7');
    expect(within(newest).getByRole('link', { name: 'Data Analyst Intern' })).toHaveAttribute('href', '/jobs/job-8');
    // No token: the visitor's requests go out anonymously.
    expect(api.history.get.every((request) => !request.headers?.Authorization)).toBe(true);
  });

  it('offers sign-up as a seeker or as a provider, sign-in and browsing in the public header', async () => {
    api.onGet('/jobs/feed').reply(200, buildFeedPage([]));
    renderApp('/');

    expect(await screen.findByText('No jobs yet: new ones arrive every day.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Sign up to find a job/ })).toHaveAttribute('href', '/register?role=seeker');
    expect(screen.getByRole('link', { name: 'Sign up as a provider' })).toHaveAttribute('href', '/register?role=provider');
    const header = screen.getByRole('navigation', { name: 'Main' });
    expect(within(header).getByRole('link', { name: 'Browse jobs' })).toHaveAttribute('href', '/jobs');
    expect(within(header).getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(within(header).getByRole('link', { name: 'Create account' })).toHaveAttribute('href', '/register');
  });

  it('preselects the provider role when sign-up is opened from the provider link', async () => {
    api.onGet('/jobs/feed').reply(200, buildFeedPage([]));
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('link', { name: 'Sign up as a provider' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Create your account' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /provider/i })).toBeChecked();
  });
});

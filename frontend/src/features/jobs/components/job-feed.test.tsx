import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildFeedItems, buildFeedPage } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import { activeFilters, sortOptions } from './feed-filters';

const api = mockApi();

const lastFeedParams = () =>
  api.history.get.filter((request) => request.url === '/jobs/feed').at(-1)?.params as Record<string, unknown>;

function start(url: string) {
  signedInAs(api, buildUser('seeker'));
  api.onGet('/jobs/recommended').reply(200, []);
  api.onGet('/jobs/companies').reply(200, ['Deloitte', 'EY']);
  api.onGet('/jobs/feed').reply(200, buildFeedPage(buildFeedItems(2)));
  return renderApp(url);
}

describe('feed filter bar', () => {
  it('fills itself from a shared link, sends every filter and the sort, and shows each as a removable chip', async () => {
    const { user, router } = start(
      '/jobs?q=python&location=Karnataka&job_type=internship&work_mode=remote&experience=entry&min_salary=300000&max_salary=800000&posted_within_days=7&sort=salary',
    );
    await screen.findByRole('article', { name: 'Job number 1' });

    expect(lastFeedParams()).toEqual({
      limit: 20,
      q: 'python',
      location: 'Karnataka',
      job_type: 'internship',
      work_mode: 'remote',
      experience: 'entry',
      min_salary: '300000',
      max_salary: '800000',
      posted_within_days: '7',
      sort: 'salary',
    });
    expect(screen.getByRole('searchbox', { name: 'Search jobs' })).toHaveValue('python');
    expect(screen.getByRole('combobox', { name: 'Job type' })).toHaveValue('internship');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('salary');
    const chips = within(screen.getByRole('list', { name: 'Active filters' })).getAllByRole('button');
    expect(chips.map((chip) => chip.textContent)).toEqual([
      '“python”',
      'In Karnataka',
      'Internship',
      'Entry level (0–2 years)',
      'Remote',
      'From ₹3 lakh a year',
      'Up to ₹8 lakh a year',
      'Last 7 days',
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove filter: Remote' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('work_mode')).toBeNull());
    expect(lastFeedParams()).not.toHaveProperty('work_mode');

    await user.click(screen.getByRole('button', { name: 'Remove filter: “python”' }));
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search jobs' })).toHaveValue(''));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBeNull();
  });

  it('puts a chosen filter in the URL as a new history entry, so back undoes it', async () => {
    const { user, router } = start('/jobs');
    await screen.findByRole('article', { name: 'Job number 1' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Work mode' }), 'Hybrid');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Highest salary');
    expect(router.state.location.search).toBe('?work_mode=hybrid&sort=salary');
    await waitFor(() => expect(lastFeedParams()).toMatchObject({ work_mode: 'hybrid', sort: 'salary' }));

    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?work_mode=hybrid'));
    await waitFor(() => expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Sort by' }).value).toBe(''));
  });

  it('clears every filter and the sort at once', async () => {
    const { user, router } = start('/jobs?company=EY&job_type=contract&sort=posted');
    await screen.findByRole('article', { name: 'Job number 1' });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.queryByRole('list', { name: 'Active filters' })).not.toBeInTheDocument();
  });

  it('counts the folded filters on the phone button and opens them', async () => {
    const { user } = start('/jobs?company=EY&job_type=contract');
    const toggle = await screen.findByRole('button', { name: 'Filters (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById('feed-filters')?.className).toMatch(/(^|\s)grid(\s|$)/);
  });
});

describe('feed filters', () => {
  it('names only the filters that are set', () => {
    expect(activeFilters(new URLSearchParams('job_type=part_time&sort=salary&cursor=x'))).toEqual([
      { name: 'job_type', label: 'Part time' },
    ]);
  });

  it('offers best match only with a search', () => {
    expect(sortOptions(false).map((option) => option.label)).toEqual(['Newest', 'Posting date', 'Highest salary']);
    expect(sortOptions(true).map((option) => option.label)).toEqual(['Best match', 'Newest', 'Posting date', 'Highest salary']);
  });
});

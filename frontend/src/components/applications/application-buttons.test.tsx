import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildApplication } from '@/testing/application-data';
import { buildFeedItems, buildFeedPage, buildJobDetails } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

const api = mockApi();

function startJobPage(application: ReturnType<typeof buildApplication> | null) {
  signedInAs(api, buildUser('seeker'));
  api.onGet('/jobs/job-1/details').reply(200, buildJobDetails({ origin: 'scraped', owner_id: null, source: 'Deloitte' }));
  api.onGet('/jobs/job-1/similar').reply(200, []);
  api.onGet(/^\/jobs\/fit/).reply(200, []);
  api.onGet('/jobs/job-1/application').reply(application ? 200 : 204, application ?? '');
  api.onGet('/applications').reply(200, { items: [] });
  return renderApp('/jobs/job-1');
}

describe('Save and I applied on the job page', () => {
  it('saves the job, shows it saved, and unsaves it', async () => {
    const { user } = startJobPage(null);
    api.onPut('/jobs/job-1/application/saved').reply(201, buildApplication({ stage: 'saved', applied_on: null, channel: null }));
    api.onDelete('/jobs/job-1/application/saved').reply(204);
    const actions = await screen.findByRole('group', { name: 'Job actions' });

    await user.click(await within(actions).findByRole('button', { name: /^Save / }));
    const saved = await within(actions).findByRole('button', { name: /^Saved ✓/ });
    expect(saved).toHaveAttribute('aria-pressed', 'true');

    await user.click(saved);
    expect(await within(actions).findByRole('button', { name: /^Save / })).toHaveAttribute('aria-pressed', 'false');
    expect(api.history.delete).toHaveLength(1);
  });

  it('records “I applied” with a date and a note in a labelled dialog', async () => {
    const { user } = startJobPage(null);
    api.onPost('/jobs/job-1/application/applied').reply((config) => {
      expect(JSON.parse(config.data as string)).toEqual({ applied_on: '2026-11-30', note: 'Via referral' });
      return [201, buildApplication({ applied_on: '2026-11-30' })];
    });

    await user.click(await screen.findByRole('button', { name: /^I applied/ }));
    const dialog = screen.getByRole('dialog', { name: /You applied to/ });
    const date = within(dialog).getByLabelText('Applied on');
    await user.clear(date);
    await user.type(date, '2026-11-30');
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Via referral');
    await user.click(within(dialog).getByRole('button', { name: 'Record application' }));

    const actions = screen.getByRole('group', { name: 'Job actions' });
    expect(await within(actions).findByText(/Applied on .*2026/)).toHaveTextContent(`Applied on ${new Date('2026-11-30').toLocaleDateString(undefined, { dateStyle: 'medium' })}`);
    expect(within(actions).getByRole('link', { name: /Track/ })).toHaveAttribute('href', '/applications/app-1');
    expect(within(actions).queryByRole('button', { name: /^I applied/ })).not.toBeInTheDocument();
  });

  it('refuses a date in the future before sending anything', async () => {
    const { user } = startJobPage(null);

    await user.click(await screen.findByRole('button', { name: /^I applied/ }));
    const dialog = screen.getByRole('dialog');
    const date = within(dialog).getByLabelText('Applied on');
    await user.clear(date);
    await user.type(date, '2999-01-01');

    expect(within(dialog).getByRole('button', { name: 'Record application' })).toBeDisabled();
    expect(within(dialog).getByText('The date can’t be in the future.')).toBeInTheDocument();
  });

  it('shows where an application stands instead of the buttons', async () => {
    startJobPage(buildApplication({ stage: 'interviewing' }));

    const actions = await screen.findByRole('group', { name: 'Job actions' });
    expect(await within(actions).findByText(/Applied on .* · Interviewing/)).toBeInTheDocument();
  });
});

describe('Save and I applied on the feed', () => {
  it('shows each card’s state from one tracker request', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/jobs/recommended').reply(200, []);
    api.onGet('/jobs/companies').reply(200, []);
    const [first, second] = buildFeedItems(2);
    api.onGet('/jobs/feed').reply(200, buildFeedPage([first, second]));
    api.onGet('/applications').reply(200, { items: [buildApplication({ job_id: first.id, job_title: first.title, stage: 'saved', applied_on: null })] });
    renderApp('/jobs');

    const firstCard = await screen.findByRole('article', { name: first.title });
    expect(await within(firstCard).findByRole('button', { name: /^Saved ✓/ })).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: second.title })).getByRole('button', { name: /^Save / })).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(api.history.get.filter((request) => request.url === '/applications')).toHaveLength(1));
  });

  it('shows no tracker buttons to visitors', async () => {
    api.onGet('/jobs/companies').reply(200, []);
    api.onGet('/jobs/feed').reply(200, buildFeedPage(buildFeedItems(1)));
    renderApp('/jobs');

    const card = await screen.findByRole('article', { name: 'Job number 1' });
    expect(within(card).queryByRole('button', { name: /^Save/ })).not.toBeInTheDocument();
  });
});

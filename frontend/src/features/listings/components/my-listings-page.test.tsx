import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import { listingsPollIntervalMs } from '../api/get-my-listings';
import type { ProviderListing } from '../api/types';
// Loaded up front: the route loads the page lazily, and these tests settle on a fake clock without waiting for imports.
import './my-listings-page';

const api = mockApi();

function buildListing(overrides: Partial<ProviderListing> = {}): ProviderListing {
  return {
    id: 'job-1',
    stream_version: 5,
    owner_id: 'user-provider',
    title: 'Junior Node.js Backend Developer',
    company_name: 'Acme Labs',
    location: 'Pune, India',
    status: 'processing',
    enrichment_status: 'pending',
    last_enrichment_error: null,
    description_hash: 'hash-1',
    created_at: '2025-06-01T09:00:00Z',
    updated_at: '2025-06-01T09:00:00Z',
    ...overrides,
  };
}

const listingRequests = () => api.history.get.filter((request) => request.url === '/jobs/provider');

/**
 * setTimeout is faked, so the poll runs only when the test moves the clock. Testing Library's findBy/waitFor
 * wait on setTimeout too, so these tests settle pending work with `settle()` and then query synchronously.
 */
function fakePollTimer() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}

/** Let the mocked responses arrive and React render them, without moving the clock. */
async function settle() {
  for (let round = 0; round < 5; round += 1) await act(() => vi.advanceTimersByTimeAsync(0));
}

async function advance(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
  await settle();
}
const nextPoll = () => advance(listingsPollIntervalMs);

afterEach(() => {
  vi.useRealTimers();
});

describe('my listings', () => {
  it('polls while a listing is processing and stops once all are active', async () => {
    fakePollTimer();
    signedInAs(api, buildUser('provider'));
    const older = buildListing({ id: 'job-0', title: 'QA Trainee', status: 'active', enrichment_status: 'enriched' });
    api
      .onGet('/jobs/provider')
      .replyOnce(200, [buildListing(), older])
      .onGet('/jobs/provider')
      .replyOnce(200, [buildListing(), older])
      .onGet('/jobs/provider')
      .reply(200, [buildListing({ status: 'active', enrichment_status: 'enriched' }), older]);
    renderApp('/provider/jobs');
    await settle();

    const listing = screen.getByRole('listitem', { name: 'Junior Node.js Backend Developer' });
    expect(within(listing).getByText('Processing')).toBeInTheDocument();
    expect(within(listing).getByText('AI enrichment pending')).toBeInTheDocument();
    expect(screen.getByText(/1 being prepared/)).toBeInTheDocument();
    expect(listingRequests()).toHaveLength(1);

    await advance(listingsPollIntervalMs - 100);
    expect(listingRequests()).toHaveLength(1);
    await advance(100);
    expect(listingRequests()).toHaveLength(2);
    expect(within(listing).getByText('Processing')).toBeInTheDocument();

    await nextPoll();
    expect(within(listing).getByText('Active')).toBeInTheDocument();
    expect(within(listing).getByText('AI enriched')).toBeInTheDocument();
    expect(screen.queryByText(/being prepared/)).not.toBeInTheDocument();
    expect(listingRequests()).toHaveLength(3);

    // Nothing is processing any more: no further requests.
    await advance(listingsPollIntervalMs * 5);
    expect(listingRequests()).toHaveLength(3);
  });

  it('does not poll when nothing is processing', async () => {
    fakePollTimer();
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/provider').reply(200, [buildListing({ status: 'active', enrichment_status: 'enriched' })]);
    renderApp('/provider/jobs');
    await settle();

    expect(screen.getByRole('listitem', { name: 'Junior Node.js Backend Developer' })).toBeInTheDocument();
    await advance(listingsPollIntervalMs * 4);
    expect(listingRequests()).toHaveLength(1);
  });

  it('stops polling when the page is left', async () => {
    fakePollTimer();
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/provider').reply(200, [buildListing()]);
    const { unmount } = renderApp('/provider/jobs');
    await settle();

    expect(screen.getByRole('listitem', { name: 'Junior Node.js Backend Developer' })).toBeInTheDocument();
    await nextPoll();
    expect(listingRequests()).toHaveLength(2);

    unmount();
    await advance(listingsPollIntervalMs * 4);
    expect(listingRequests()).toHaveLength(2);
  });

  it('shows why enrichment failed', async () => {
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/provider').reply(200, [
      buildListing({ enrichment_status: 'failed', last_enrichment_error: 'The AI returned 3 questions instead of 5.' }),
    ]);
    renderApp('/provider/jobs');

    const listing = await screen.findByRole('listitem', { name: 'Junior Node.js Backend Developer' });
    expect(within(listing).getByText('AI enrichment failed')).toBeInTheDocument();
    expect(listing).toHaveTextContent('Enrichment failed: The AI returned 3 questions instead of 5.');
  });

  it('archives a listing after confirmation: it shows archived at once, then the list is loaded again', async () => {
    signedInAs(api, buildUser('provider'));
    const archived = () => api.history.delete.length > 0;
    api
      .onGet('/jobs/provider')
      .reply(() => [200, [buildListing({ status: archived() ? 'archived' : 'active', enrichment_status: 'enriched' })]]);
    let answerArchive: (value: [number, unknown]) => void = () => {};
    api.onDelete('/jobs/job-1').reply(() => new Promise((resolve) => (answerArchive = resolve)));
    const { user } = renderApp('/provider/jobs');

    const listing = await screen.findByRole('listitem', { name: 'Junior Node.js Backend Developer' });
    expect(within(listing).getByRole('link', { name: 'Junior Node.js Backend Developer' })).toHaveAttribute('href', '/jobs/job-1');

    await user.click(within(listing).getByRole('button', { name: 'Archive Junior Node.js Backend Developer' }));
    const confirm = within(listing).getByRole('group', { name: 'Confirm archiving Junior Node.js Backend Developer' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.history.delete).toHaveLength(0);

    await user.click(within(listing).getByRole('button', { name: 'Archive Junior Node.js Backend Developer' }));
    await user.click(within(listing).getByRole('button', { name: 'Yes, archive' }));

    // Optimistic: archived before the server has answered.
    expect(await within(listing).findByText('Archived')).toBeInTheDocument();
    expect(api.history.delete).toHaveLength(1);
    expect(api.history.delete[0].headers?.['If-Match']).toBe('"5"');
    expect(listingRequests()).toHaveLength(1);
    answerArchive([200, { id: 'job-1', version: 6, status: 'archived', message: 'Job archived.' }]);

    await vi.waitFor(() => expect(listingRequests()).toHaveLength(2));
    expect(within(listing).getByText('Archived')).toBeInTheDocument();
    expect(within(listing).queryByRole('button', { name: /Archive/ })).not.toBeInTheDocument();
  });

  it('says the job changed since the list was loaded when archiving answers 412, and reloads the list', async () => {
    signedInAs(api, buildUser('provider'));
    api
      .onGet('/jobs/provider')
      .replyOnce(200, [buildListing({ status: 'active', enrichment_status: 'enriched' })])
      .onGet('/jobs/provider')
      .reply(200, [buildListing({ stream_version: 7, title: 'Renamed elsewhere', status: 'active', enrichment_status: 'enriched' })]);
    api.onDelete('/jobs/job-1').reply(412, { detail: 'This job changed since you opened it: you saw version 5, the current version is 7.' });
    const { user } = renderApp('/provider/jobs');

    const listing = await screen.findByRole('listitem', { name: 'Junior Node.js Backend Developer' });
    await user.click(within(listing).getByRole('button', { name: 'Archive Junior Node.js Backend Developer' }));
    await user.click(within(listing).getByRole('button', { name: 'Yes, archive' }));

    expect(await within(listing).findByRole('alert')).toHaveTextContent('This job changed since you opened it.');
    // The optimistic change is undone.
    expect(within(listing).getByText('Active')).toBeInTheDocument();
    expect(within(listing).queryByRole('button', { name: 'Yes, archive' })).not.toBeInTheDocument();
    await user.click(within(listing).getByRole('button', { name: 'Reload listings' }));

    const reloaded = await screen.findByRole('listitem', { name: 'Renamed elsewhere' });
    expect(within(reloaded).getByText('Active')).toBeInTheDocument();
    expect(within(reloaded).queryByRole('group', { name: /Confirm archiving/ })).not.toBeInTheDocument();
    expect(listingRequests()).toHaveLength(2);
  });

  it('offers Edit on each open listing, linking to the job page with its edit form open', async () => {
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/provider').reply(200, [
      buildListing({ status: 'active', enrichment_status: 'enriched' }),
      buildListing({ id: 'job-0', title: 'QA Trainee', status: 'archived', enrichment_status: 'enriched' }),
    ]);
    renderApp('/provider/jobs');

    const open = await screen.findByRole('listitem', { name: 'Junior Node.js Backend Developer' });
    expect(within(open).getByRole('link', { name: 'Edit Junior Node.js Backend Developer' })).toHaveAttribute('href', '/jobs/job-1?edit=1');
    const archived = screen.getByRole('listitem', { name: 'QA Trainee' });
    expect(within(archived).queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument();
  });

  it('invites a provider with no listings to post one', async () => {
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/provider').reply(200, []);
    renderApp('/provider/jobs');

    expect(await screen.findByRole('heading', { name: "You haven't posted any jobs yet" })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Post a job' })).toHaveAttribute('href', '/provider/jobs/new');
  });
});

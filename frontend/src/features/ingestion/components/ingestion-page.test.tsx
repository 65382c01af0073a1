import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { installMockWebSocket, MockWebSocket } from '@/testing/mock-websocket';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import { runsPollIntervalMs } from '../api/use-live-runs';
import type { DailyNewJobs, IngestionRun, IngestionSource, ScrapingLog } from '../api/types';

const api = mockApi();
installMockWebSocket();

afterEach(() => {
  vi.useRealTimers();
});

const companies: Record<string, string> = { deloitte: 'Deloitte', pwc: 'PwC', kpmg: 'KPMG', ey: 'EY', postman: 'Postman', cred: 'CRED' };
const platforms: Record<string, string> = {
  deloitte: 'avature',
  pwc: 'workday',
  kpmg: 'oracle-hcm',
  ey: 'successfactors',
  postman: 'greenhouse',
  cred: 'lever',
};

function buildLog(source: string, overrides: Partial<ScrapingLog> = {}): ScrapingLog {
  return {
    run_id: 'run-1',
    source_name: source,
    status: 'completed',
    jobs_fetched: 30,
    jobs_new: 12,
    jobs_skipped: 2,
    dedup_hits: 16,
    jobs_archived: 1,
    errors: 0,
    error_messages: [],
    started_at: '2026-11-28T02:00:00Z',
    completed_at: '2026-11-28T02:01:05Z',
    status_reason: null,
    skipped_postings: [],
    skipped_not_listed: 0,
    listing_complete: true,
    ...overrides,
  };
}

function buildSource(source: string, overrides: Partial<IngestionSource> = {}): IngestionSource {
  return {
    source_name: source,
    company_name: companies[source],
    platform: platforms[source],
    last_run: buildLog(source),
    running: false,
    ...overrides,
  };
}

function buildRun(id: string, logs: ScrapingLog[], overrides: Partial<IngestionRun> = {}): IngestionRun {
  return {
    id,
    trigger: 'admin',
    triggered_by: 'user-admin',
    status: logs.some((log) => log.status === 'running') ? 'running' : 'completed',
    sources: logs.map((log) => ({ ...log, run_id: id })),
    started_at: logs[0]?.started_at ?? '2026-11-28T02:00:00Z',
    completed_at: logs.every((log) => log.completed_at) ? (logs[0]?.completed_at ?? null) : null,
    status_reason: null,
    ...overrides,
  };
}

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString().slice(0, 10);

/** By default the history holds one scheduled run: the sources' last runs. */
function serveIngestion({
  sources = ['deloitte', 'pwc', 'kpmg', 'ey'].map((name) => buildSource(name)),
  runs = [
    buildRun('run-1', sources.flatMap((source) => (source.last_run ? [source.last_run] : [])), { trigger: 'scheduled', triggered_by: null }),
  ],
  daily = [] as DailyNewJobs[],
}: { sources?: IngestionSource[]; runs?: IngestionRun[]; daily?: DailyNewJobs[] } = {}) {
  signedInAs(api, buildUser('admin'));
  api.onGet('/admin/ingest/sources').reply(200, sources);
  api.onGet('/admin/ingest/runs').reply(200, runs);
  api.onGet('/admin/ingest/daily').reply(200, daily);
}

const card = (company: string) => screen.getByRole('article', { name: company });
const countIn = (element: HTMLElement, label: string) =>
  within(element).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
/** Pushed runs go into the query cache, which tells the page on the next microtask. */
const delivered = () => act(async () => {});
const dailyRequests = () => api.history.get.filter((request) => request.url === '/admin/ingest/daily');
const pollRequests = () =>
  api.history.get.filter((request) => request.url === '/admin/ingest/runs' && (request.params as { limit?: number }).limit === 10);

describe('ingestion page', () => {
  it('shows one card per source with its last run, counts and expandable errors', async () => {
    serveIngestion({
      sources: [
        buildSource('deloitte'),
        buildSource('pwc', {
          last_run: buildLog('pwc', { status: 'partial', errors: 2, error_messages: ['Page 3 timed out', 'Bad HTML in job 17'] }),
        }),
        buildSource('kpmg', { last_run: null }),
        buildSource('ey', { last_run: buildLog('ey', { status: 'failed', jobs_new: 0, error_messages: ['Site unavailable'] }) }),
      ],
    });
    const { user } = renderApp('/admin/ingestion');

    const deloitte = await screen.findByRole('article', { name: 'Deloitte' });
    expect(within(deloitte).getByText('Completed')).toBeInTheDocument();
    expect(countIn(deloitte, 'Fetched')).toBe('30');
    expect(countIn(deloitte, 'New')).toBe('12');
    expect(countIn(deloitte, 'Duplicates')).toBe('16');
    expect(deloitte).toHaveTextContent('took 1 min 5 s');
    expect(within(deloitte).getByRole('button', { name: 'Sync Deloitte' })).toBeEnabled();

    const pwc = card('PwC');
    expect(within(pwc).getByText('Partial')).toBeInTheDocument();
    const errors = within(pwc).getByText('2 errors');
    expect(within(pwc).getByText('Page 3 timed out')).not.toBeVisible();
    await user.click(errors);
    expect(within(pwc).getByText('Page 3 timed out')).toBeVisible();
    expect(within(pwc).getByText('Bad HTML in job 17')).toBeVisible();

    expect(within(card('KPMG')).getByText('Never synced')).toBeInTheDocument();
    expect(within(card('EY')).getByText('Failed')).toBeInTheDocument();

    // Past runs, with per-source counts and the duration.
    const table = screen.getByRole('table', { name: 'Recent runs' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Scheduled');
    expect(row).toHaveTextContent('Deloitte30 fetched · 12 new · 16 duplicates');
    expect(row).toHaveTextContent('1 min 5 s');
  });

  it('lists the postings the filters skipped, each with why, behind an expandable summary', async () => {
    serveIngestion({
      sources: [
        buildSource('deloitte', {
          last_run: buildLog('deloitte', {
            jobs_skipped: 203,
            skipped_postings: [
              { external_id: 'D-1', title: 'Senior Consultant', location: 'Pune, Maharashtra, India', reason: 'title says "senior"' },
              {
                external_id: 'D-2',
                title: 'Audit Analyst',
                location: 'New York, NY, United States',
                reason: 'the detail page places it in New York, United States, outside India',
              },
            ],
            skipped_not_listed: 201,
          }),
        }),
      ],
    });
    const { user } = renderApp('/admin/ingestion');

    const deloitte = await screen.findByRole('article', { name: 'Deloitte' });
    const summary = within(deloitte).getByText('203 postings skipped');
    const reason = within(deloitte).getByText('the detail page places it in New York, United States, outside India');
    expect(reason).not.toBeVisible();

    // A native <details>/<summary>: browsers open it with Enter or Space and announce it as expandable.
    expect(summary.tagName).toBe('SUMMARY');
    await user.click(summary);

    expect(reason).toBeVisible();
    const list = within(deloitte).getByRole('list', { name: 'Postings skipped by the filters' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('Senior Consultant')).toBeVisible();
    expect(within(list).getByText('title says "senior"')).toBeVisible();
    expect(within(deloitte).getByText('…and 201 more, not listed here.')).toBeVisible();
  });

  it('lists the configured employers grouped by the platform their sites run on', async () => {
    serveIngestion({ sources: ['ey', 'cred', 'postman', 'kpmg', 'pwc', 'deloitte'].map((name) => buildSource(name)) });
    renderApp('/admin/ingestion');

    await screen.findByRole('article', { name: 'Deloitte' });
    const headings = screen.getAllByRole('heading', { level: 3 }).filter((heading) => heading.id.startsWith('platform-'));
    expect(headings.map((heading) => heading.textContent)).toEqual([
      'Avature1 employer',
      'Workday1 employer',
      'Oracle HCM1 employer',
      'Greenhouse1 employer',
      'Lever1 employer',
      "EY's own site (SuccessFactors)1 employer",
    ]);
    const greenhouse = screen.getByRole('region', { name: /Greenhouse/ });
    expect(within(greenhouse).getByRole('article', { name: 'Postman' })).toBeInTheDocument();
    expect(within(greenhouse).queryByRole('article', { name: 'CRED' })).not.toBeInTheDocument();
  });

  it('disables Sync while a source is running', async () => {
    serveIngestion({
      sources: [buildSource('deloitte', { running: true, last_run: buildLog('deloitte', { status: 'running', completed_at: null }) })],
    });
    renderApp('/admin/ingestion');

    const deloitte = await screen.findByRole('article', { name: 'Deloitte' });
    expect(within(deloitte).getByRole('button', { name: 'Sync Deloitte' })).toBeDisabled();
    expect(within(deloitte).getByRole('progressbar', { name: 'Deloitte sync in progress' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sync all' })).toBeDisabled();
  });

  it('says the source is already running, with its run id, when Sync answers 409', async () => {
    serveIngestion();
    api.onPost('/admin/ingest/deloitte').reply(409, {
      detail: 'A run for deloitte is already in progress.',
      run_id: '8d5e3c1a-0000-4000-8000-000000000042',
      source: 'deloitte',
    });
    const { user } = renderApp('/admin/ingestion');

    const deloitte = await screen.findByRole('article', { name: 'Deloitte' });
    await user.click(within(deloitte).getByRole('button', { name: 'Sync Deloitte' }));

    const message = await within(deloitte).findByText('Deloitte is already running.', { exact: false });
    expect(message).toHaveTextContent('8d5e3c1a-0000-4000-8000-000000000042');
  });

  it('starts a sync and shows the source as running straight away', async () => {
    serveIngestion();
    api.onPost('/admin/ingest/deloitte').reply(202, { message: 'Ingestion started.', run_id: 'run-new', status: 'processing_in_background' });
    const { user } = renderApp('/admin/ingestion');

    const deloitte = await screen.findByRole('article', { name: 'Deloitte' });
    await user.click(within(deloitte).getByRole('button', { name: 'Sync Deloitte' }));

    expect(await within(deloitte).findByText('Sync started for Deloitte.', { exact: false })).toBeInTheDocument();
    expect(within(deloitte).getByRole('button', { name: 'Sync Deloitte' })).toBeDisabled();
    expect(within(deloitte).getByText('Running')).toBeInTheDocument();
  });

  it('says the sync has finished once the run it started is no longer running', async () => {
    serveIngestion();
    api.onPost('/admin/ingest/all').reply(202, { message: 'Ingestion started.', run_id: 'run-new', status: 'processing_in_background' });
    const { user } = renderApp('/admin/ingestion');
    await screen.findByRole('article', { name: 'Deloitte' });
    // The trigger reloads the runs: by then the new run has finished.
    api.onGet('/admin/ingest/runs').reply(200, [buildRun('run-new', [buildLog('deloitte', { status: 'partial' })], { status: 'partial' })]);

    await user.click(screen.getByRole('button', { name: 'Sync all' }));

    expect(await screen.findByText('The sync has finished (partial): the results are below.', { exact: false })).toHaveTextContent('run-new');
    expect(screen.queryByText('Sync started for all sources.', { exact: false })).not.toBeInTheDocument();
  });

  it('Sync all starts every source; a 409 names the source that is busy', async () => {
    serveIngestion();
    api.onPost('/admin/ingest/all').replyOnce(409, { detail: 'A run for pwc is already in progress.', run_id: 'run-busy', source: 'pwc' });
    const { user } = renderApp('/admin/ingestion');

    await screen.findByRole('article', { name: 'Deloitte' });
    await user.click(screen.getByRole('button', { name: 'Sync all' }));

    expect(await screen.findByText('PwC is already running.', { exact: false })).toHaveTextContent('run-busy');
  });

  it('cancels a running run from the runs table and says its sources can sync again', async () => {
    const running = buildLog('deloitte', { status: 'running', completed_at: null });
    serveIngestion({
      sources: [buildSource('deloitte', { running: true, last_run: running })],
      runs: [buildRun('run-live', [running])],
    });
    api.onPost('/admin/ingest/runs/run-live/cancel').reply(200, {
      run_id: 'run-live',
      status: 'cancelled',
      message: 'The run was cancelled; its sources can run again.',
    });
    const { user } = renderApp('/admin/ingestion');

    const runs = await screen.findByRole('table', { name: 'Recent runs' });
    await user.click(within(runs).getByRole('button', { name: /^Cancel the run started/ }));

    expect(await screen.findByText('Run cancelled. Deloitte can sync again.', { exact: false })).toHaveTextContent('run-live');
    expect(api.history.post.filter((request) => request.url === '/admin/ingest/runs/run-live/cancel')).toHaveLength(1);
  });

  it('says so when the run finished before Cancel reached it', async () => {
    const running = buildLog('pwc', { status: 'running', completed_at: null });
    serveIngestion({ sources: [buildSource('pwc', { running: true, last_run: running })], runs: [buildRun('run-done', [running])] });
    api.onPost('/admin/ingest/runs/run-done/cancel').reply(409, { detail: 'This run already finished.' });
    const { user } = renderApp('/admin/ingestion');

    const runs = await screen.findByRole('table', { name: 'Recent runs' });
    await user.click(within(runs).getByRole('button', { name: /^Cancel the run started/ }));

    expect(await screen.findByText('This run already finished.', { exact: false })).toBeInTheDocument();
  });

  it('shows cancelled and abandoned runs with the reason, and no Cancel button', async () => {
    const abandoned = buildLog('kpmg', {
      status: 'abandoned',
      status_reason: 'Its lease expired at 2026-11-28 02:05:00Z without renewal (last held by node-a); run run-2 took kpmg over.',
    });
    serveIngestion({
      sources: [buildSource('kpmg', { last_run: abandoned })],
      runs: [
        buildRun('run-1', [abandoned], { status: 'abandoned' }),
        buildRun('run-0', [buildLog('kpmg', { status: 'cancelled', status_reason: 'Cancelled by Asha.', started_at: '2026-11-27T02:00:00Z' })], {
          status: 'cancelled',
          status_reason: 'Cancelled by Asha.',
        }),
      ],
    });
    renderApp('/admin/ingestion');

    const runs = await screen.findByRole('table', { name: 'Recent runs' });
    expect(within(runs).getByText('Abandoned')).toBeInTheDocument();
    expect(within(runs).getByText(/lease expired/)).toBeInTheDocument();
    expect(within(runs).getByText('Cancelled')).toBeInTheDocument();
    expect(within(runs).getByText('Cancelled by Asha.')).toBeInTheDocument();
    expect(within(runs).queryByRole('button', { name: /^Cancel the run/ })).not.toBeInTheDocument();
  });

  it('moves the counts live from the WebSocket, without reloading', async () => {
    serveIngestion({ runs: [] });
    renderApp('/admin/ingestion');
    const deloitte = await screen.findByRole('article', { name: 'Deloitte' });
    expect(countIn(deloitte, 'New')).toBe('12');

    const socket = MockWebSocket.latest();
    expect(socket.url).toBe('ws://localhost:3000/ws/admin/ingestion');
    expect(socket.protocols).toEqual(['ottobon.bearer', 'token-for-user-admin']);
    socket.open();
    expect(await screen.findByText('Live')).toBeInTheDocument();

    const started = '2026-11-29T10:00:00Z';
    const running = (fetched: number, fresh: number) =>
      buildRun('run-2', [buildLog('deloitte', { status: 'running', jobs_fetched: fetched, jobs_new: fresh, dedup_hits: 0, jobs_skipped: 0, jobs_archived: 0, started_at: started, completed_at: null })]);

    socket.push({ type: 'runs', runs: [running(5, 2)] });
    await delivered();
    expect(within(deloitte).getByText('Running')).toBeInTheDocument();
    expect(countIn(deloitte, 'Fetched')).toBe('5');
    expect(countIn(deloitte, 'New')).toBe('2');
    expect(within(deloitte).getByRole('button', { name: 'Sync Deloitte' })).toBeDisabled();

    socket.push({ type: 'runs', runs: [running(18, 9)] });
    await delivered();
    expect(countIn(deloitte, 'Fetched')).toBe('18');
    expect(countIn(deloitte, 'New')).toBe('9');
    expect(screen.getByRole('table', { name: 'Recent runs' })).toHaveTextContent('18 fetched · 9 new');

    const dailyBefore = dailyRequests().length;
    socket.push({
      type: 'runs',
      runs: [buildRun('run-2', [buildLog('deloitte', { jobs_fetched: 25, jobs_new: 11, started_at: started, completed_at: '2026-11-29T10:00:40Z' })])],
    });
    await delivered();
    expect(within(deloitte).getByText('Completed')).toBeInTheDocument();
    expect(countIn(deloitte, 'New')).toBe('11');
    expect(within(deloitte).getByRole('button', { name: 'Sync Deloitte' })).toBeEnabled();
    // The chart is reloaded with the finished run's new jobs.
    await waitFor(() => expect(dailyRequests().length).toBe(dailyBefore + 1));
    expect(api.history.get.filter((request) => request.url === '/admin/ingest/sources')).toHaveLength(1);
  });

  it('polls /runs every 3 s while the socket is down and reconnects with backoff', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const settle = async () => {
      for (let round = 0; round < 5; round += 1) await act(() => vi.advanceTimersByTimeAsync(0));
    };
    const advance = async (ms: number) => {
      await act(() => vi.advanceTimersByTimeAsync(ms));
      await settle();
    };
    serveIngestion({ runs: [] });
    renderApp('/admin/ingestion');
    await settle();
    const deloitte = card('Deloitte');

    MockWebSocket.latest().drop();
    await settle();
    expect(screen.getByText(/Reconnecting/)).toBeInTheDocument();
    expect(pollRequests()).toHaveLength(1);

    // The poll's answer moves the counts too.
    api.onGet('/admin/ingest/runs').reply(200, [
      buildRun('run-3', [buildLog('deloitte', { status: 'running', jobs_new: 4, started_at: '2026-11-29T11:00:00Z', completed_at: null })]),
    ]);
    // First retry after 1 s: it fails too.
    await advance(1000);
    expect(MockWebSocket.instances).toHaveLength(2);
    MockWebSocket.latest().drop();
    await advance(runsPollIntervalMs - 1000);
    expect(pollRequests()).toHaveLength(2);
    expect(countIn(deloitte, 'New')).toBe('4');

    // Second retry waits 2 s; this one connects and polling stops.
    await advance(1000);
    expect(MockWebSocket.instances).toHaveLength(3);
    MockWebSocket.latest().open();
    await settle();
    expect(screen.getByText('Live')).toBeInTheDocument();
    const polls = pollRequests().length;
    await advance(runsPollIntervalMs * 3);
    expect(pollRequests()).toHaveLength(polls);
  });

  it('closes the socket when the page is left', async () => {
    serveIngestion();
    const { unmount } = renderApp('/admin/ingestion');
    await screen.findByRole('article', { name: 'Deloitte' });
    const socket = MockWebSocket.latest();
    socket.open();

    unmount();
    expect(socket.closedByApp).toBe(true);
  });

  it('draws a bar for each source and day in /daily', async () => {
    serveIngestion({
      daily: [
        { day: isoDay(2), source_name: 'deloitte', jobs_new: 12 },
        { day: isoDay(2), source_name: 'ey', jobs_new: 3 },
        { day: isoDay(0), source_name: 'kpmg', jobs_new: 7 },
      ],
    });
    renderApp('/admin/ingestion');

    const chart = await screen.findByRole('img', { name: /New jobs per source per day/ });
    expect(chart).toHaveAccessibleName(expect.stringContaining('22 new jobs in the last 14 days'));
    const bars = chart.querySelectorAll('rect');
    expect(bars).toHaveLength(3);
    expect([...bars].map((bar) => bar.querySelector('title')?.textContent)).toEqual([
      expect.stringMatching(/^Deloitte, .+: 12 new jobs$/),
      expect.stringMatching(/^EY, .+: 3 new jobs$/),
      expect.stringMatching(/^KPMG, .+: 7 new jobs$/),
    ]);
    // Taller bar for more jobs.
    const height = (index: number) => Number(bars[index].getAttribute('height'));
    expect(height(0)).toBeGreaterThan(height(2));
    expect(height(2)).toBeGreaterThan(height(1));
    // The numbers as a table, too.
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Deloitte', 'PwC', 'KPMG', 'EY']);
  });
});

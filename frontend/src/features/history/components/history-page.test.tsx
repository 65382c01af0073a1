import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildJobDetails, buildPage } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { JobDetails } from '@/types/api';
import type { JobHistoryEvent, JobStats } from '../api/types';

const api = mockApi();

const at = (time: string) => `2025-06-01T09:00:${time}Z`;
const events: JobHistoryEvent[] = [
  {
    version: 1,
    sequence: 101,
    type: 'job_posted',
    timestamp: at('00'),
    data: {
      type: 'job_posted',
      job_id: 'job-1',
      posted_by: 'provider-1',
      title: 'Junior Node.js Backend Developer',
      company_name: 'Acme Analytics',
      location: 'Bengaluru',
      description_raw: 'Build REST APIs.',
      skills_required: ['Node.js'],
      description_hash: 'hash-1',
      posted_at: at('00'),
    },
  },
  {
    version: 2,
    sequence: 102,
    type: 'job_enriched',
    timestamp: at('20'),
    data: {
      type: 'job_enriched',
      enrichment: {
        prep_questions: [{ question: 'What is REST?', answer_strategy: 'Give an example.' }],
        resume_tips: ['Show your APIs'],
        skills: ['Node.js', 'Express'],
        salary: { currency: 'INR', min: 400000, max: 700000, period: 'year', display: '₹4L – ₹7L per year' },
        experience_level: 'entry',
        qualification: 'B.Tech',
      },
      ai_model: 'qwen2.5:1.5b',
      description_hash: 'hash-1',
      enriched_at: at('20'),
    },
  },
  {
    version: 3,
    sequence: 103,
    type: 'job_embedded',
    timestamp: at('25'),
    data: { type: 'job_embedded', model: 'all-MiniLM-L6-v2', dimensions: 384, description_hash: 'hash-1', embedded_at: at('25') },
  },
  { version: 4, sequence: 104, type: 'job_activated', timestamp: at('26'), data: { type: 'job_activated', activated_at: at('26') } },
];

const stats: JobStats = {
  total_jobs: 12,
  by_status: { processing: 2, active: 9, archived: 1 },
  enrichment_failed: 1,
  ai_calls_made: 9,
  ai_calls_saved: 3,
};

function stateAt(version: number): JobDetails {
  const enriched = version >= 2;
  const base = buildJobDetails();
  return buildJobDetails({
    status: version >= 4 ? 'active' : 'processing',
    skills_required: enriched ? base.skills_required : ['Node.js'],
    prep_guide_generated: enriched ? base.prep_guide_generated : { prep_questions: [] },
    resume_guide_generated: enriched ? base.resume_guide_generated : { resume_guide: [] },
    enrichment: { ...base.enrichment, status: enriched ? 'enriched' : 'pending', embedding_model: version >= 3 ? 'all-MiniLM-L6-v2' : null },
  });
}

function startAsAdmin(url: string) {
  signedInAs(api, buildUser('admin'));
  api.onGet('/admin/jobs/stats').reply(200, stats);
  api.onGet('/admin/jobs').reply(200, buildPage([buildJobDetails(), buildJobDetails({ id: 'job-2', title: 'QA Trainee' })], { limit: 10 }));
  api.onGet('/admin/jobs/job-1/history').reply(200, events);
  api.onGet('/admin/jobs/job-1/state').reply((config) => [200, stateAt(Number((config.params as { version: number }).version))]);
  return renderApp(url);
}

const stateRequests = () =>
  api.history.get.filter((request) => request.url === '/admin/jobs/job-1/state').map((request) => request.params as unknown);

describe('admin history', () => {
  it('shows the timeline of the job from ?job=, with readable labels and each event\'s data', async () => {
    const { user } = startAsAdmin('/admin/history?job=job-1');

    const timeline = await screen.findByRole('list', { name: 'Events' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(items.map((item) => within(item).getByText(/^v\d$/).textContent)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(items[0]).toHaveTextContent('Posted');
    expect(items[0]).toHaveTextContent('“Junior Node.js Backend Developer”');
    expect(items[2]).toHaveTextContent('Embedded for search');
    expect(items[2]).toHaveTextContent('all-MiniLM-L6-v2 · 384 dimensions');
    expect(items[3]).toHaveAttribute('aria-current', 'step'); // the latest version is shown first

    await user.click(within(items[2]).getByText('Event data'));
    expect(items[2].querySelector('pre')).toHaveTextContent('"dimensions": 384');
  });

  it('shows an event type the API does not describe yet by its name, without data', async () => {
    // A new kind of event (merged into the API before its history DTO) has a stable name but no data.
    const unknown: JobHistoryEvent = { version: 5, sequence: 105, type: 'job_salary_guessed', timestamp: at('27'), data: null };
    api.onGet('/admin/jobs/job-3/history').reply(200, [...events, unknown]);
    api.onGet('/admin/jobs/job-3/state').reply(200, stateAt(4));
    const { user } = startAsAdmin('/admin/history?job=job-3');

    const items = within(await screen.findByRole('list', { name: 'Events' })).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[4]).toHaveTextContent('Job salary guessed');
    await user.click(within(items[4]).getByText('Event data'));
    expect(items[4].querySelector('pre')).toHaveTextContent('No details for this kind of event yet.');
  });

  it('steps through versions and loads the state at each one', async () => {
    const { user } = startAsAdmin('/admin/history?job=job-1');

    const state = await screen.findByRole('region', { name: 'State at version' });
    await waitFor(() => expect(state).toHaveTextContent('Version 4 of 4'));
    expect(stateRequests()).toEqual([{ version: 4 }]);
    expect(await within(state).findByText('Active')).toBeInTheDocument();
    expect(within(state).getByRole('button', { name: 'Next version' })).toBeDisabled();

    await user.click(within(state).getByRole('button', { name: 'Previous version' }));
    await waitFor(() => expect(stateRequests()).toEqual([{ version: 4 }, { version: 3 }]));
    expect(api.history.get.at(-1)?.url).toBe('/admin/jobs/job-1/state');
    expect(state).toHaveTextContent('Version 3 of 4');
    expect(await within(state).findByText('Processing')).toBeInTheDocument();

    // Jump straight to the first version from the timeline.
    const timeline = screen.getByRole('list', { name: 'Events' });
    await user.click(within(timeline).getByRole('button', { name: 'Show state at v1' }));
    await waitFor(() => expect(stateRequests().at(-1)).toEqual({ version: 1 }));
    expect(await within(state).findByText('AI enrichment pending')).toBeInTheDocument();
    const facts = within(state).getByText('Interview questions').parentElement;
    expect(facts).toHaveTextContent('Interview questions0');
    expect(within(state).getByRole('button', { name: 'Previous version' })).toBeDisabled();
    expect(within(state).getByRole('slider', { name: 'Version' })).toHaveValue('1');
  });

  it('picks a job from the list of all jobs', async () => {
    const { user, router } = startAsAdmin('/admin/history');

    expect(await screen.findByRole('heading', { name: 'Pick a job to replay' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Jobs to replay' });
    await user.click(within(list).getByRole('button', { name: /Junior Node.js Backend Developer/ }));

    expect(await screen.findByRole('list', { name: 'Events' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?job=job-1');
    expect(within(list).getByRole('button', { name: /Junior Node.js Backend Developer/ })).toHaveAttribute('aria-current', 'true');
  });

  it('opens a pasted job ID', async () => {
    api.onGet('/admin/jobs/nope/history').reply(404, { detail: 'No such job.' });
    const { user } = startAsAdmin('/admin/history');

    await user.type(await screen.findByLabelText('Job ID'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Open' }));

    expect(await screen.findByRole('heading', { name: 'No job with this ID' })).toBeInTheDocument();
  });

  it('shows AI calls made and saved, and re-enriches incomplete jobs', async () => {
    api.onPost('/admin/jobs/reenrich').reply(202, { queued: 3, message: 'Queued 3 job(s) for enrichment.' });
    const { user } = startAsAdmin('/admin/history');

    const panel = await screen.findByRole('region', { name: 'Jobs at a glance' });
    await waitFor(() => expect(panel).toHaveTextContent('AI calls made9'));
    expect(panel).toHaveTextContent('AI calls saved3');
    expect(panel).toHaveTextContent('25% reused from identical descriptions');
    expect(panel).toHaveTextContent('9 active · 2 processing · 1 archived');

    await user.click(within(panel).getByRole('button', { name: 'Re-enrich incomplete jobs' }));

    expect(await within(panel).findByRole('status')).toHaveTextContent('Queued 3 job(s) for enrichment.');
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({});
    await waitFor(() => expect(api.history.get.filter((request) => request.url === '/admin/jobs/stats')).toHaveLength(2));
  });

  it('re-embeds jobs and resumes with the current model', async () => {
    api.onPost('/admin/embeddings/refresh').reply(202, {
      model: 'text-embedding-3-small',
      jobs_queued: 12,
      resumes_queued: 4,
      message: 'Queued 12 job(s) and 4 resume(s) to be embedded with text-embedding-3-small.',
    });
    const { user } = startAsAdmin('/admin/history');

    const panel = await screen.findByRole('region', { name: 'Jobs at a glance' });
    await user.click(within(panel).getByRole('button', { name: 'Re-embed with current model' }));

    expect(await within(panel).findByRole('status')).toHaveTextContent('Queued 12 job(s) and 4 resume(s) to be embedded with text-embedding-3-small.');
    expect(api.history.post.map((request) => request.url)).toEqual(['/admin/embeddings/refresh']);
  });

  it('keeps the kinds of history in tabs, ready for more', async () => {
    startAsAdmin('/admin/history');
    const tablist = await screen.findByRole('tablist', { name: 'History' });
    expect(within(tablist).getByRole('tab', { name: 'Jobs' })).toHaveAttribute('aria-selected', 'true');
  });
});

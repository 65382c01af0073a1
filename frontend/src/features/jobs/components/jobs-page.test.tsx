import { screen, waitFor, within } from '@testing-library/react';
import type { AxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { buildFeedItem, buildFeedItems, buildFeedPage } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { JobFeedItem } from '@/types/api';

const api = mockApi();

const feedRequests = () => api.history.get.filter((request) => request.url === '/jobs/feed');
const lastFeedParams = () => feedRequests().at(-1)?.params as Record<string, unknown>;

/** A feed that answers each page like the server does: the cursor names the last job of the page before. */
function serveFeed(all: JobFeedItem[]) {
  api.onGet('/jobs/feed').reply((config: AxiosRequestConfig) => {
    const { cursor, limit = 20, q, company } = config.params as Record<string, string | number | undefined>;
    const matching = all.filter(
      (job) =>
        (!q || job.title.toLowerCase().includes(String(q).toLowerCase())) && (!company || job.company_name === company),
    );
    const from = cursor ? matching.findIndex((job) => `after-${job.id}` === cursor) + 1 : 0;
    if (cursor && from === 0) return [400, { detail: 'cursor is not one this feed handed out.' }];
    const items = matching.slice(from, from + Number(limit));
    const more = from + items.length < matching.length;
    return [200, buildFeedPage(items, { nextCursor: more ? `after-${items.at(-1)?.id}` : null, limit: Number(limit) })];
  });
}

function startAsSeeker(url = '/jobs', recommended: [number, unknown] = [200, { has_resume: true, items: [] }], fits: unknown[] = []) {
  signedInAs(api, buildUser('seeker'));
  api.onGet('/jobs/recommended').reply(...recommended);
  api.onGet('/jobs/companies').reply(200, ['Deloitte', 'EY', 'Infosys']);
  api.onGet(/^\/jobs\/fit\?/).reply(200, fits);
  return renderApp(url);
}

describe('jobs feed', () => {
  it('shows each job as a card with company, location, salary and skills, linking to its page', async () => {
    serveFeed([
      buildFeedItem({ id: 'abc', skills_required: ['Node.js', 'Express', 'PostgreSQL'] }),
      buildFeedItem({
        id: 'def',
        title: 'Data Analyst Intern',
        company_name: 'EY',
        location: 'IN-KA-Bangalore',
        place: { city: 'Bengaluru', state: 'Karnataka', country: 'India' },
        salary_range: null,
      }),
      buildFeedItem({
        id: 'ghi',
        title: 'Audit Trainee',
        location: 'Manesar campus',
        place: { city: null, state: null, country: null },
      }),
    ]);
    startAsSeeker();

    const card = await screen.findByRole('article', { name: 'Junior Node.js Backend Developer' });
    expect(within(card).getByText('Infosys')).toBeInTheDocument();
    expect(within(card).getByText('Bengaluru, Karnataka')).toBeInTheDocument(); // the normalised place, not the site's text
    expect(within(card).getByText('₹4.5L – ₹7L per year')).toBeInTheDocument();
    expect(within(card).getByText('Estimated by Ottobon AI')).toBeInTheDocument();
    const skills = within(card).getByRole('list', { name: 'Skills' });
    expect(within(skills).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Node.js', 'Express', 'PostgreSQL']);
    expect(within(card).getByRole('link', { name: 'Junior Node.js Backend Developer' })).toHaveAttribute('href', '/jobs/abc');

    expect(within(screen.getByRole('article', { name: 'Data Analyst Intern' })).getByText('Bengaluru, Karnataka')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Audit Trainee' })).getByText('Manesar campus')).toBeInTheDocument();
    expect(lastFeedParams()).toEqual({ limit: 20 });
  });

  it('searches as you type, once typing pauses, and renders the matching cards', async () => {
    serveFeed([
      buildFeedItem({ id: 'node', title: 'Junior Node.js Backend Developer' }),
      buildFeedItem({ id: 'qa', title: 'QA Trainee' }),
    ]);
    const { user, router } = startAsSeeker();
    await screen.findByRole('article', { name: 'QA Trainee' });

    await user.type(screen.getByRole('searchbox', { name: 'Search jobs' }), 'Node.js');

    await waitFor(() => expect(lastFeedParams()).toEqual({ q: 'Node.js', limit: 20 }));
    expect(await screen.findByRole('article', { name: 'Junior Node.js Backend Developer' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('article', { name: 'QA Trainee' })).not.toBeInTheDocument());
    // Debounced: no request for the half-typed text.
    const queries = feedRequests().map((request) => (request.params as { q?: string }).q);
    expect(queries).toEqual([undefined, 'Node.js']);
    expect(router.state.location.search).toBe('?q=Node.js');
  });

  it('filters by company', async () => {
    serveFeed([buildFeedItem({ id: 'a', company_name: 'Infosys' }), buildFeedItem({ id: 'b', title: 'Audit Trainee', company_name: 'EY' })]);
    const { user } = startAsSeeker();
    await screen.findByRole('article', { name: 'Audit Trainee' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Company' }), 'EY');

    await waitFor(() => expect(lastFeedParams()).toMatchObject({ company: 'EY' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Junior Node.js Backend Developer' })).not.toBeInTheDocument());
    expect(screen.getByRole('article', { name: 'Audit Trainee' })).toBeInTheDocument();
  });

  it('filters by place, salary and posting date, and keeps the filters in the URL', async () => {
    serveFeed(buildFeedItems(3));
    const { user, router } = startAsSeeker();
    await screen.findByRole('article', { name: 'Job number 1' });

    await user.type(screen.getByRole('searchbox', { name: 'City or state' }), 'Pune');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Salary from' }), '₹5 lakh a year');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Posted' }), 'Last 7 days');

    await waitFor(() =>
      expect(lastFeedParams()).toEqual({ limit: 20, location: 'Pune', min_salary: '500000', posted_within_days: '7' }),
    );
    expect(new URLSearchParams(router.state.location.search).get('min_salary')).toBe('500000');
  });

  it('pages through the results by cursor with previous and next, keeping the page in the URL', async () => {
    serveFeed(buildFeedItems(45));
    const { user, router } = startAsSeeker();

    const pagination = await screen.findByRole('navigation', { name: 'Pagination' });
    expect(pagination).toHaveTextContent('Page 1');
    expect(within(pagination).getByRole('button', { name: 'Previous' })).toBeDisabled();
    expect(screen.getByRole('article', { name: 'Job number 1' })).toBeInTheDocument();

    await user.click(within(pagination).getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('article', { name: 'Job number 21' })).toBeInTheDocument();
    expect(lastFeedParams()).toMatchObject({ cursor: 'after-job-20', limit: 20 });
    expect(pagination).toHaveTextContent('Page 2');
    // Focus goes back to the top of the results, for keyboard and screen-reader users.
    expect(screen.getByRole('region', { name: 'Job results' })).toHaveFocus();

    await user.click(within(pagination).getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('article', { name: 'Job number 41' })).toBeInTheDocument();
    expect(pagination).toHaveTextContent('Page 3');
    expect(within(pagination).getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(router.state.location.search).toBe('?cursor=after-job-40&back=after-job-20');

    // A page seen a moment ago comes from the cache: no request.
    const requests = feedRequests().length;
    await user.click(within(pagination).getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('article', { name: 'Job number 21' })).toBeInTheDocument();
    expect(feedRequests()).toHaveLength(requests);
    expect(pagination).toHaveTextContent('Page 2');

    await user.click(within(pagination).getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('article', { name: 'Job number 1' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('opens a shared link on the same page, and Previous still works', async () => {
    serveFeed(buildFeedItems(45));
    const { user } = startAsSeeker('/jobs?cursor=after-job-40&back=after-job-20');

    expect(await screen.findByRole('article', { name: 'Job number 41' })).toBeInTheDocument();
    const pagination = screen.getByRole('navigation', { name: 'Pagination' });
    expect(pagination).toHaveTextContent('Page 3');

    await user.click(within(pagination).getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('article', { name: 'Job number 21' })).toBeInTheDocument();
  });

  it('starts again from the first page when the search changes', async () => {
    serveFeed(buildFeedItems(45));
    const { user, router } = startAsSeeker('/jobs?cursor=after-job-20');
    expect(await screen.findByRole('article', { name: 'Job number 21' })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search jobs' }), 'number 4');

    expect(await screen.findByRole('article', { name: 'Job number 4' })).toBeInTheDocument();
    expect(lastFeedParams()).toEqual({ q: 'number 4', limit: 20 });
    expect(router.state.location.search).toBe('?q=number+4');
  });

  it('says when nothing matches and clears the filters', async () => {
    serveFeed([buildFeedItem({ title: 'QA Trainee' })]);
    const { user } = startAsSeeker('/jobs?q=astronaut');

    expect(await screen.findByRole('heading', { name: 'No jobs match your search' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));

    expect(await screen.findByRole('article', { name: 'QA Trainee' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search jobs' })).toHaveValue('');
  });

  it('shows an error with a retry when the feed fails', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/jobs/companies').reply(200, []);
    api.onGet('/jobs/feed').replyOnce(500, { detail: 'Database is down.' });
    serveFeed([buildFeedItem()]);
    const { user } = renderApp('/jobs');

    expect(await screen.findByRole('alert')).toHaveTextContent('Database is down.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Junior Node.js Backend Developer' })).toBeInTheDocument();
  });
});

const understoodNothing = { text: '', place: null, job_type: null, work_mode: null, without_place: null, without_job_type: null };

function searchResults(query: string, overrides: Record<string, unknown> = {}) {
  return {
    query,
    understood: { ...understoodNothing, text: query },
    items: [],
    nothing_fits_well: false,
    page: 1,
    has_more: false,
    ...overrides,
  };
}

async function smartSearch(query: string) {
  const { user, router } = startAsSeeker();
  await user.click(await screen.findByRole('tab', { name: 'Smart search' }));
  await user.type(screen.getByRole('searchbox', { name: 'Describe the job you want' }), query);
  await user.click(screen.getByRole('button', { name: 'Search' }));
  return { user, router };
}

const searchRequests = () => api.history.get.filter((request) => request.url === '/jobs/search');

describe('smart search', () => {
  it('ranks jobs for a described query with a plain label instead of scores', async () => {
    serveFeed([]);
    api.onGet('/jobs/search').reply(
      200,
      searchResults('backend internship with APIs', {
        items: [
          { job: buildFeedItem({ id: 'a', title: 'Backend Intern' }), relevance: 'strong', score: 0.0325, keyword_score: 0.4, semantic_score: 0.81 },
          { job: buildFeedItem({ id: 'b', title: 'API Tester' }), relevance: 'related', score: 0.0161, keyword_score: null, semantic_score: 0.32 },
        ],
      }),
    );
    await smartSearch('backend internship with APIs');

    const results = await screen.findByRole('region', { name: /Best matches for/ });
    const hits = within(results).getAllByRole('article');
    expect(hits.map((hit) => within(hit).getByRole('heading').textContent)).toEqual(['Backend Intern', 'API Tester']);
    expect(hits[0]).toHaveTextContent('Strong match');
    expect(hits[1]).toHaveTextContent('Related');
    expect(results).not.toHaveTextContent('0.03');
    expect(results).not.toHaveTextContent('81%');
    expect(screen.queryByText('Nothing fits this search well')).not.toBeInTheDocument();
    expect(searchRequests()[0]?.params).toEqual({ q: 'backend internship with APIs', limit: 10, page: 1 });
  });

  it('says which place and job type it understood and searches everywhere with one click', async () => {
    serveFeed([]);
    api.onGet('/jobs/search').reply((config: AxiosRequestConfig) => {
      const q = (config.params as { q: string }).q;
      return q === 'audit internship in Bangalore'
        ? [
            200,
            searchResults(q, {
              understood: { text: 'audit', place: 'Bengaluru', job_type: 'internship', work_mode: null, without_place: 'audit internship', without_job_type: 'audit in Bangalore' },
              items: [{ job: buildFeedItem({ id: 'a', title: 'Audit Intern' }), relevance: 'good', score: 0.03, keyword_score: 0.2, semantic_score: 0.4 }],
            }),
          ]
        : [200, searchResults(q, { items: [{ job: buildFeedItem({ id: 'b', title: 'Audit Intern, Pune' }), relevance: 'strong', score: 0.03, keyword_score: 0.2, semantic_score: 0.5 }] })];
    });
    const { user, router } = await smartSearch('audit internship in Bangalore');

    const results = await screen.findByRole('region', { name: /Best matches for/ });
    expect(results).toHaveTextContent('Showing internships in Bengaluru');
    expect(within(results).getByRole('article')).toHaveTextContent('Good match');
    await user.click(within(results).getByRole('button', { name: 'search everywhere' }));

    expect(await screen.findByRole('heading', { name: 'Audit Intern, Pune' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('ask')).toBe('audit internship');
    expect(screen.getByRole('searchbox', { name: 'Describe the job you want' })).toHaveValue('audit internship');
  });

  it('says when nothing fits well and offers to widen the search', async () => {
    serveFeed([]);
    api.onGet('/jobs/search').reply(
      200,
      searchResults('ward nurse in Pune', {
        understood: { text: 'ward nurse', place: 'Pune', job_type: null, work_mode: null, without_place: 'ward nurse', without_job_type: null },
        items: [{ job: buildFeedItem({ id: 'a', title: 'Audit Associate' }), relevance: 'related', score: 0.03, keyword_score: null, semantic_score: 0.2 }],
        nothing_fits_well: true,
      }),
    );
    const { user, router } = await smartSearch('ward nurse in Pune');

    const warning = await screen.findByText('Nothing fits this search well');
    const notice = warning.closest('[role="status"]') as HTMLElement;
    expect(within(notice).getByRole('button', { name: 'Search everywhere, not just Pune' })).toBeInTheDocument();
    expect(within(notice).queryByRole('button', { name: 'Any kind of job' })).not.toBeInTheDocument();
    await user.click(within(notice).getByRole('button', { name: 'Browse all jobs' }));
    expect(router.state.location.search).toBe('');
  });

  it('shows more results a page at a time', async () => {
    serveFeed([]);
    api.onGet('/jobs/search').reply((config: AxiosRequestConfig) => {
      const { q, page } = config.params as { q: string; page: number };
      const hit = (n: number) => ({ job: buildFeedItem({ id: `j${n}`, title: `Audit job ${n}` }), relevance: 'good', score: 0.01, keyword_score: 0.1, semantic_score: 0.4 });
      return [200, searchResults(q, { items: page === 1 ? [hit(1), hit(2)] : [hit(3)], page, has_more: page === 1 })];
    });
    const { user } = await smartSearch('audit');

    const results = await screen.findByRole('region', { name: /Best matches for/ });
    expect(within(results).getAllByRole('article')).toHaveLength(2);
    await user.click(within(results).getByRole('button', { name: 'Show more' }));

    await waitFor(() => expect(within(results).getAllByRole('article')).toHaveLength(3));
    expect(within(results).queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(searchRequests().map((request) => (request.params as { page: number }).page)).toEqual([1, 2]);
  });
});

describe('recommended for you', () => {
  it('shows the top 5 jobs for the resume with their fit score and label', async () => {
    serveFeed(buildFeedItems(3));
    const recommended = [0.91, 0.654, 0.6, 0.5, 0.3, 0.2].map((score, index) => ({
      job: buildFeedItem({ id: `rec-${index + 1}`, title: `Recommended job ${index + 1}`, company_name: 'Deloitte' }),
      similarity_score: 0.5,
      fit: { score, label: score >= 0.7 ? 'strong' : score >= 0.4 ? 'partial' : 'low' },
    }));
    startAsSeeker('/jobs', [200, { has_resume: true, items: recommended }]);

    const strip = await screen.findByRole('region', { name: 'Recommended for you' });
    const cards = within(strip).getAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'Recommended job 1',
      'Recommended job 2',
      'Recommended job 3',
      'Recommended job 4',
      'Recommended job 5',
    ]);
    expect(cards[0]).toHaveTextContent('91% · Strong fit');
    expect(cards[1]).toHaveTextContent('65% · Partial fit');
    expect(cards[4]).toHaveTextContent('30% · Low fit');
    expect(within(cards[0]).getByRole('link', { name: 'Recommended job 1' })).toHaveAttribute('href', '/jobs/rec-1');
    expect(api.history.get.find((request) => request.url === '/jobs/recommended')?.params).toEqual({ limit: 5 });
    // The feed is still there below.
    expect(await screen.findByRole('article', { name: 'Job number 1' })).toBeInTheDocument();
  });

  it('is hidden with a gentle prompt to upload a resume when the seeker has none', async () => {
    serveFeed(buildFeedItems(2));
    startAsSeeker('/jobs', [200, { has_resume: false, items: [] }]);

    const prompt = await screen.findByRole('complementary', { name: 'Recommendations' });
    expect(prompt).toHaveTextContent("Add your resume and we'll pick out the jobs that fit you best.");
    expect(within(prompt).getByRole('link', { name: 'Upload your resume' })).toHaveAttribute('href', '/profile');
    expect(screen.queryByRole('region', { name: 'Recommended for you' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await screen.findByRole('article', { name: 'Job number 1' })).toBeInTheDocument();
  });

  it('stays out of the way when recommendations fail for another reason', async () => {
    serveFeed(buildFeedItems(1));
    startAsSeeker('/jobs', [500, { detail: 'Boom' }]);

    expect(await screen.findByRole('article', { name: 'Job number 1' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Recommended for you' })).not.toBeInTheDocument();
    expect(screen.queryByRole('complementary', { name: 'Recommendations' })).not.toBeInTheDocument();
    expect(screen.queryByText('Boom')).not.toBeInTheDocument();
  });
});

describe('fit on the feed cards', () => {
  it("shows a seeker's fit on each card of the page that has one, asked for in one request", async () => {
    serveFeed(buildFeedItems(3));
    startAsSeeker('/jobs', [200, []], [{ job_id: 'job-2', fit: { score: 0.734, label: 'strong' } }]);

    const card = await screen.findByRole('article', { name: 'Job number 2' });
    await waitFor(() => expect(card).toHaveTextContent('73% · Strong fit'));
    expect(screen.getByRole('article', { name: 'Job number 1' })).not.toHaveTextContent('fit');
    const fitRequests = api.history.get.filter((request) => request.url?.startsWith('/jobs/fit?'));
    expect(fitRequests.at(-1)?.url).toContain('job_id=job-1&job_id=job-2&job_id=job-3');
  });
});

describe('the jobs route', () => {
  it('is for seekers only', async () => {
    signedInAs(api, buildUser('provider'));
    renderApp('/jobs');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildFeedItem, buildJobDetails } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildAuthResponse, buildUser } from '@/testing/test-data';

const api = mockApi();

function openJob(job = buildJobDetails(), role: 'seeker' | 'provider' | 'admin' = 'seeker') {
  signedInAs(api, buildUser(role));
  api.onGet(`/jobs/${job.id}/details`).reply(200, job);
  return renderApp(`/jobs/${job.id}`);
}

describe('job page', () => {
  it("shows the site's posting date and, separately, when Ottobon found the job", async () => {
    openJob(buildJobDetails({ origin: 'scraped', posted_on: '2025-05-20T00:00:00Z', created_at: '2025-06-01T09:00:00Z' }));

    await screen.findByRole('heading', { level: 1 });
    const posted = screen.getByText(/^Posted/);
    expect(posted.querySelector('time')).toHaveAttribute('dateTime', '2025-05-20T00:00:00Z');
    const found = screen.getByText(/^Found by Ottobon on/);
    expect(found.querySelector('time')).toHaveAttribute('dateTime', '2025-06-01T09:00:00Z');
  });

  it("labels the salary as the employer's or as Ottobon AI's estimate", async () => {
    const { unmount } = openJob(buildJobDetails({ salary_source: 'estimated' }));
    expect(await screen.findByText('Estimated by Ottobon AI')).toBeInTheDocument();
    unmount();

    openJob(buildJobDetails({ salary_source: 'published' }));
    expect(await screen.findByText('Published by the employer')).toBeInTheDocument();
    expect(screen.queryByText('Estimated by Ottobon AI')).not.toBeInTheDocument();
  });

  it('shows the header facts and an apply link that opens safely in a new tab', async () => {
    openJob(buildJobDetails({ external_apply_url: 'https://careers.example.com/jobs/42' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' })).toBeInTheDocument();
    expect(screen.getByText('Infosys')).toBeInTheDocument();
    expect(screen.getByText('Bengaluru, Karnataka')).toBeInTheDocument();
    expect(screen.getByText('₹4.5L – ₹7L per year')).toBeInTheDocument();
    expect(screen.getByText('Entry level (0–2 years)')).toBeInTheDocument();
    expect(screen.getByText('B.Tech / B.E. in Computer Science')).toBeInTheDocument();

    const actions = screen.getByRole('group', { name: 'Job actions' });
    const apply = within(actions).getByRole('link', { name: /Apply on company site/ });
    expect(apply).toHaveAttribute('href', 'https://careers.example.com/jobs/42');
    expect(apply).toHaveAttribute('target', '_blank');
    expect(apply).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('offers no apply link without a safe external URL', async () => {
    openJob(buildJobDetails({ external_apply_url: 'javascript:alert(1)' }));
    await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' });
    expect(screen.queryByRole('link', { name: /Apply/ })).not.toBeInTheDocument();
  });

  it('moves between the four tabs with the arrow, Home and End keys', async () => {
    const { user } = openJob();

    const tablist = await screen.findByRole('tablist', { name: 'Job details' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Description', 'Skills', 'Interview Prep', 'Resume Tips']);
    const description = tabs[0];
    expect(description).toHaveAttribute('aria-selected', 'true');
    expect(tabs.slice(1).every((tab) => tab.getAttribute('tabindex') === '-1')).toBe(true);

    await user.click(description);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Skills' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Skills' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Skills' })).toBeInTheDocument();

    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Resume Tips' })).toHaveFocus();
    await user.keyboard('{ArrowRight}'); // wraps to the first
    expect(screen.getByRole('tab', { name: 'Description' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}'); // and back round to the last
    expect(screen.getByRole('tab', { name: 'Resume Tips' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Description' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Description' })).toBeInTheDocument();
    // Only the selected panel shows.
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it("shows a provider's description as the server rendered it from Markdown: headings, lists, and HTML as text", async () => {
    openJob(
      buildJobDetails({
        origin: 'posted',
        description_raw: '## You will\n- build **APIs**\n\nFirst line\nsecond line <img src=x>',
        // What Markdig and the sanitiser store for that text.
        description_html: '<h2>You will</h2><ul><li>build <strong>APIs</strong></li></ul><p>First line<br>second line &lt;img src=x&gt;</p>',
      }),
    );

    const panel = await screen.findByRole('tabpanel', { name: 'Description' });
    expect(within(panel).getByRole('heading', { level: 2, name: 'You will' })).toBeInTheDocument();
    expect(within(panel).getByText('APIs').tagName).toBe('STRONG');
    expect(within(panel).getByRole('listitem')).toHaveTextContent('build APIs');
    expect(panel.querySelector('img')).toBeNull();
    expect(panel).toHaveTextContent('second line <img src=x>');
  });

  it("reads a provider's raw text as Markdown while the server's HTML is not there", async () => {
    openJob(buildJobDetails({ origin: 'posted', description_raw: 'You will:\n- build **APIs**\n  - in Node.js', description_html: '' }));

    const panel = await screen.findByRole('tabpanel', { name: 'Description' });
    expect(within(panel).getByText('APIs').tagName).toBe('STRONG');
    expect(within(panel).getByText('in Node.js').closest('ul')?.parentElement?.closest('ul')).not.toBeNull();
  });

  it('renders a scraped job\'s sanitised description HTML and lists the skills', async () => {
    const { user } = openJob(
      buildJobDetails({
        origin: 'scraped',
        description_raw: '<b>raw text</b> must never become markup',
        description_html: '<p>Build <strong>REST APIs</strong> with Node.js.</p>',
      }),
    );

    const panel = await screen.findByRole('tabpanel', { name: 'Description' });
    expect(within(panel).getByText('REST APIs').tagName).toBe('STRONG');
    expect(panel).not.toHaveTextContent('raw text');

    await user.click(screen.getByRole('tab', { name: 'Skills' }));
    const skills = within(screen.getByRole('tabpanel', { name: 'Skills' })).getByRole('list', { name: 'Skills required' });
    expect(within(skills).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual([
      'Node.js',
      'Express',
      'REST APIs',
      'PostgreSQL',
    ]);
  });

  it('shows the five interview questions with their strategies and the five resume tips', async () => {
    const { user } = openJob();

    await user.click(await screen.findByRole('tab', { name: 'Interview Prep' }));
    const prep = screen.getByRole('tabpanel', { name: 'Interview Prep' });
    const questions = within(prep).getAllByRole('listitem');
    expect(questions).toHaveLength(5);
    expect(questions[0]).toHaveTextContent('1Prep question 1?How to answer: Strategy for question 1.');
    expect(questions[4]).toHaveTextContent('5Prep question 5?');

    await user.click(screen.getByRole('tab', { name: 'Resume Tips' }));
    const tips = within(screen.getByRole('tabpanel', { name: 'Resume Tips' })).getAllByRole('listitem');
    expect(tips.map((tip) => tip.textContent)).toEqual([1, 2, 3, 4, 5].map((n) => `Tip ${n}: Resume tip ${n}.`));
  });

  it('says when the job is still being prepared, and updates by itself once it is', async () => {
    signedInAs(api, buildUser('provider'));
    const processing = buildJobDetails({
      status: 'processing',
      prep_guide_generated: { prep_questions: [] },
      resume_guide_generated: { resume_guide: [] },
      enrichment: { ...buildJobDetails().enrichment, status: 'pending' },
    });
    api.onGet('/jobs/job-1/details').replyOnce(200, processing).onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    const { user } = renderApp('/jobs/job-1');

    expect(await screen.findByText('This job is still being prepared.')).toBeInTheDocument();
    expect(screen.getByText('Processing')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Interview Prep' }));
    expect(screen.getByRole('tabpanel', { name: 'Interview Prep' })).toHaveTextContent('appears here once the job has been prepared');

    // Refreshed after a few seconds: the questions arrive.
    await waitFor(() => expect(screen.queryByText('This job is still being prepared.')).not.toBeInTheDocument(), {
      timeout: 6000,
    });
    expect(within(screen.getByRole('tabpanel', { name: 'Interview Prep' })).getAllByRole('listitem')).toHaveLength(5);
  }, 10_000);

  it("says so when the job doesn't exist or can't be seen", async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/jobs/gone/details').reply(404, { detail: 'No such job.' });
    renderApp('/jobs/gone');

    expect(await screen.findByRole('heading', { name: "This job isn't available" })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to jobs' })).toHaveAttribute('href', '/jobs');
  });

  it('is open to providers and admins too, with their own way back', async () => {
    openJob(buildJobDetails(), 'provider');
    expect(await screen.findByRole('link', { name: 'Back to my listings' })).toHaveAttribute('href', '/provider/jobs');
    expect(await screen.findByText('AI enriched')).toBeInTheDocument();
  });

  it('lets a visitor read the job, sign in from the header and come back to it whatever their role', async () => {
    const provider = buildUser('provider');
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    api.onPost('/auth/login').reply(200, buildAuthResponse(provider));
    api.onGet('/users/me').reply(200, provider);
    const { user, currentPath } = renderApp('/jobs/job-1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Email'), provider.email);
    await user.type(screen.getByLabelText('Password'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' })).toBeInTheDocument();
    expect(currentPath()).toBe('/jobs/job-1');
  });

  it('links admins to the job history', async () => {
    openJob(buildJobDetails(), 'admin');
    expect(await screen.findByRole('link', { name: 'View history' })).toHaveAttribute('href', '/admin/history?job=job-1');
  });
});

describe('similar jobs and the fit on the job page', () => {
  it('lists similar jobs at the end of the page, each linking to its own page, with the fit the seeker has', async () => {
    const job = buildJobDetails({ id: 'job-1' });
    api.onGet('/jobs/job-1/similar').reply(200, [
      { job: buildFeedItem({ id: 'sim-1', title: 'Backend Developer Intern', company_name: 'TCS' }), similarity: 0.81 },
      { job: buildFeedItem({ id: 'sim-2', title: 'Node.js Engineer', company_name: 'Wipro' }), similarity: 0.74 },
    ]);
    api.onGet(/^\/jobs\/fit\?/).reply((config) =>
      config.url?.includes('sim-1')
        ? [200, [{ job_id: 'sim-1', fit: { score: 0.52, label: 'partial' } }]]
        : [200, [{ job_id: 'job-1', fit: { score: 0.74, label: 'strong' } }]],
    );
    openJob(job);

    const similar = await screen.findByRole('region', { name: 'Similar jobs' });
    const cards = within(similar).getAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual(['Backend Developer Intern', 'Node.js Engineer']);
    expect(within(cards[0]).getByRole('link', { name: 'Backend Developer Intern' })).toHaveAttribute('href', '/jobs/sim-1');
    await waitFor(() => expect(cards[0]).toHaveTextContent('52% · Partial fit'));
    expect(cards[1]).not.toHaveTextContent('fit');
    expect(await screen.findByText(/Your fit with this job/)).toHaveTextContent('74% · Strong fit');
    expect(screen.getByRole('link', { name: "See what's missing" })).toHaveAttribute('href', '/jobs/job-1/match');
  });

  it('shows no similar jobs section when there are none', async () => {
    api.onGet('/jobs/job-1/similar').reply(200, []);
    openJob(buildJobDetails({ id: 'job-1' }));

    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(api.history.get.some((request) => request.url === '/jobs/job-1/similar')).toBe(true));
    expect(screen.queryByRole('region', { name: 'Similar jobs' })).not.toBeInTheDocument();
  });
});

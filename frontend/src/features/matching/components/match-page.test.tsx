import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildJobDetails } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import { matchRetries, matchRetryDelayMs } from '../api/match-job';
import type { JobMatch } from '../api/types';

const api = mockApi();

afterEach(() => {
  vi.useRealTimers();
});

function buildMatch(overrides: Partial<JobMatch> = {}): JobMatch {
  return {
    job_id: 'job-1',
    similarity_score: 0.58,
    match_score: 0.62,
    gap_detected: true,
    matched_skills: ['Node.js', 'Express', 'PostgreSQL'],
    missing_skills: ['Docker', 'REST APIs'],
    learning_recommendations: [
      {
        skill: 'Docker',
        resources: [
          { title: 'Docker for beginners', url: 'https://docs.docker.com/get-started/', type: 'docs' },
          { title: 'Bad link', url: 'javascript:alert(1)', type: 'docs' },
        ],
      },
      { skill: 'REST APIs', resources: [{ title: 'REST API tutorial', url: 'https://restfulapi.net/', type: 'course' }] },
    ],
    explanation: 'You know the core stack. Docker and REST API design are what the team expects beyond it.',
    fit: { score: overrides.match_score ?? 0.62, label: (overrides.match_score ?? 0.62) >= 0.7 ? 'strong' : 'partial' },
    ...overrides,
  };
}

function startAsSeeker(url = '/jobs/job-1/match', { hasResume = true } = {}) {
  signedInAs(api, buildUser('seeker', { has_resume: hasResume }));
  api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
  return renderApp(url);
}

const matchRequests = () => api.history.post.filter((request) => request.url === '/jobs/job-1/match');

describe('check my fit', () => {
  it('is offered on an active job page to seekers, and opens the match page', async () => {
    api.onPost('/jobs/job-1/match').reply(200, buildMatch());
    const { user, currentPath } = startAsSeeker('/jobs/job-1');

    const actions = await screen.findByRole('group', { name: 'Job actions' });
    await user.click(within(actions).getByRole('link', { name: 'Check my fit' }));

    expect(currentPath()).toBe('/jobs/job-1/match');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your fit for Junior Node.js Backend Developer' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'Match score: 62%, Partial fit' })).toBeInTheDocument();
  });

  it('is not offered to providers', async () => {
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    renderApp('/jobs/job-1');

    await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' });
    expect(screen.queryByRole('link', { name: 'Check my fit' })).not.toBeInTheDocument();
  });

  it('shows the gauge, a gap badge, the skills side by side, the chart, learning links and the explanation', async () => {
    api.onPost('/jobs/job-1/match').reply(200, buildMatch());
    startAsSeeker();

    expect(await screen.findByRole('img', { name: 'Match score: 62%, Partial fit' })).toBeInTheDocument();
    expect(screen.getByText('Gap detected')).toBeInTheDocument();
    // The same badge as on the recommendations, the feed and the job page.
    expect(screen.getByText(/62% · Partial fit/)).toBeInTheDocument();
    expect(screen.queryByText(/Strong fit/)).not.toBeInTheDocument();

    const have = screen.getByRole('list', { name: 'Skills you have (3)' });
    expect(within(have).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Node.js', 'Express', 'PostgreSQL']);
    const build = screen.getByRole('list', { name: 'Skills to build (2)' });
    expect(within(build).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Docker', 'REST APIs']);

    expect(screen.getByRole('img', { name: /^Skill coverage\. You have 3 of the 5 skills the job asks for \(60%\)/ })).toHaveAccessibleName(
      expect.stringContaining('Profile similarity 58%'),
    );

    const docker = screen.getByRole('list', { name: 'Learning resources for Docker' });
    const link = within(docker).getByRole('link', { name: 'Docker for beginners (docs, opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://docs.docker.com/get-started/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    // Only http(s) links are shown.
    expect(within(docker).getAllByRole('link')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'REST API tutorial (course, opens in a new tab)' })).toHaveAttribute('href', 'https://restfulapi.net/');

    expect(screen.getByRole('region', { name: 'Why this score' })).toHaveTextContent('Docker and REST API design');
  });

  it('says "Strong fit" at 70% and above', async () => {
    api.onPost('/jobs/job-1/match').reply(200, buildMatch({ match_score: 0.853, gap_detected: false, missing_skills: [], learning_recommendations: [] }));
    startAsSeeker();

    expect(await screen.findByRole('img', { name: 'Match score: 85%, Strong fit' })).toBeInTheDocument();
    expect(screen.getByText(/85% · Strong fit/)).toBeInTheDocument();
    expect(screen.queryByText('Gap detected')).not.toBeInTheDocument();
    expect(screen.getByText('You have every skill the job lists.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Learn the missing skills' })).not.toBeInTheDocument();
  });

  it('sends a seeker without a resume to the Profile page, without asking for a fit there is none of', async () => {
    const { user, currentPath } = startAsSeeker('/jobs/job-1/match', { hasResume: false });

    expect(await screen.findByText('Upload a resume first to check your fit.')).toBeInTheDocument();
    expect(matchRequests()).toHaveLength(0);
    await user.click(screen.getByRole('link', { name: 'Upload your resume on your Profile' }));
    expect(currentPath()).toBe('/profile');
  });

  it('tries again by itself while the resume is still being processed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const settle = async () => {
      for (let round = 0; round < 5; round += 1) await act(() => vi.advanceTimersByTimeAsync(0));
    };
    api
      .onPost('/jobs/job-1/match')
      .replyOnce(422, { detail: 'Your resume is still being processed. Try again in a few seconds.' })
      .onPost('/jobs/job-1/match')
      .replyOnce(422, { detail: 'Your resume is still being processed. Try again in a few seconds.' })
      .onPost('/jobs/job-1/match')
      .reply(200, buildMatch());
    startAsSeeker();
    await settle();

    expect(screen.getByRole('status')).toHaveTextContent('Your resume is still being processed.');
    expect(screen.getByRole('status')).toHaveTextContent(`try 1 of ${matchRetries}`);
    await act(() => vi.advanceTimersByTimeAsync(matchRetryDelayMs));
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(`try 2 of ${matchRetries}`);
    await act(() => vi.advanceTimersByTimeAsync(matchRetryDelayMs));
    await settle();

    expect(screen.getByRole('img', { name: 'Match score: 62%, Partial fit' })).toBeInTheDocument();
    expect(matchRequests()).toHaveLength(3);
  });

  it('stops retrying after a few tries and offers the Profile page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const settle = async () => {
      for (let round = 0; round < 5; round += 1) await act(() => vi.advanceTimersByTimeAsync(0));
    };
    api.onPost('/jobs/job-1/match').reply(422, { detail: 'Your resume is still being processed.' });
    startAsSeeker();
    await settle();

    for (let attempt = 0; attempt < matchRetries; attempt += 1) {
      await act(() => vi.advanceTimersByTimeAsync(matchRetryDelayMs));
      await settle();
    }
    expect(matchRequests()).toHaveLength(matchRetries + 1);
    expect(screen.getByRole('link', { name: 'Upload your resume on your Profile' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(matchRetryDelayMs * 3));
    expect(matchRequests()).toHaveLength(matchRetries + 1);
  });

  it('says when the job does not exist', async () => {
    signedInAs(api, buildUser('seeker', { has_resume: true }));
    api.onGet('/jobs/nope/details').reply(404, { detail: 'Job not found.' });
    api.onPost('/jobs/nope/match').reply(404, { detail: 'Job not found.' });
    renderApp('/jobs/nope/match');

    expect(await screen.findByRole('heading', { name: "This job isn't available" })).toBeInTheDocument();
  });
});

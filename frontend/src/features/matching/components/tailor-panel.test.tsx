import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildJobDetails } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { TailoredVersion, TailoringCoverage } from '../api/tailoring';

const api = mockApi();

const coverage: TailoringCoverage = {
  job_id: 'job-1',
  present: [{ keyword: 'Node.js', source: 'job_skills', found_at: [{ line: 12, section: 'Experience', text: 'Built REST APIs in Node.js' }] }],
  missing: [
    { keyword: 'Docker', source: 'job_skills', score_gain: 0.0833 },
    { keyword: 'Apache Kafka', source: 'description', score_gain: 0 },
  ],
  strengthen: [{ line: 20, section: 'Skills', text: 'JavaScript, Node.js', keywords: ['Docker'], score_gain: 0.0833 }],
  fit_score: 0.62,
  fit_score_with_all: 0.7,
};

const draft: TailoredVersion = {
  id: 'v-1',
  job_id: 'job-1',
  author: 'local',
  local_draft: true,
  model: 'local-tailor-1',
  resume_markdown: '# Priya Sharma\n\n## Skills\n\n- Node.js\n',
  cover_letter_markdown: 'Dear Hiring Team at Acme,\n',
  changes: ['Moved "Experience" up: it names 2 of the job\'s keywords.'],
  written_at: '2026-03-02T09:30:00Z',
  edited_at: null,
  stream_version: 1,
};

function start() {
  signedInAs(api, buildUser('seeker', { has_resume: true }));
  api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
  api.onPost('/jobs/job-1/match').reply(200, {
    job_id: 'job-1', similarity_score: 0.5, match_score: 0.62, gap_detected: true, matched_skills: ['Node.js'], missing_skills: ['Docker'],
    learning_recommendations: [], explanation: 'A fit.', fit: { score: 0.62, label: 'partial' },
  });
  api.onGet('/jobs/job-1/tailoring/coverage').reply(200, coverage);
  return renderApp('/jobs/job-1/match');
}

describe('tailor my resume', () => {
  it('shows where the resume names each keyword, what is missing and the lines to strengthen in order', async () => {
    api.onGet('/jobs/job-1/tailoring/drafts').reply(200, { job_id: 'job-1', stream_version: 0, versions: [] });
    const { user } = start();

    await user.click(await screen.findByRole('button', { name: 'Tailor my resume' }));

    expect(await screen.findByText(/in Experience \(line 12\)/)).toBeInTheDocument();
    expect(screen.getByText('Docker +8.3 points')).toBeInTheDocument();
    expect(screen.getByText('Apache Kafka')).toBeInTheDocument();
    expect(screen.getByText(/Could name Docker/)).toBeInTheDocument();
  });

  it('writes a draft, labels a local draft, says what changed, and saves an edit with the version it was loaded at', async () => {
    api.onGet('/jobs/job-1/tailoring/drafts').reply(200, { job_id: 'job-1', stream_version: 0, versions: [] });
    api.onPost('/jobs/job-1/tailoring/drafts').reply(201, draft);
    api.onPut('/jobs/job-1/tailoring/drafts/v-1').reply(200, { ...draft, resume_markdown: '# Priya Sharma\n\nEdited\n', stream_version: 2 });
    const { user } = start();

    await user.click(await screen.findByRole('button', { name: 'Tailor my resume' }));
    await user.click(await screen.findByRole('button', { name: 'Write a tailored draft' }));

    expect(await screen.findByText('Local draft')).toBeInTheDocument();
    expect(screen.getByText(/Moved "Experience" up/)).toBeInTheDocument();
    const editor = screen.getByRole('textbox', { name: 'Resume (Markdown)' });
    await user.clear(editor);
    await user.type(editor, '# Priya Sharma{enter}{enter}Edited');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const put = api.history.put.find((request) => request.url === '/jobs/job-1/tailoring/drafts/v-1');
    expect(put?.headers?.['If-Match']).toBe('"1"');
    expect(JSON.parse(put?.data as string).resume_markdown).toBe('# Priya Sharma\n\nEdited');
  });

  it('tells the seeker when the draft changed since they opened it', async () => {
    api.onGet('/jobs/job-1/tailoring/drafts').reply(200, {
      job_id: 'job-1', stream_version: 1,
      versions: [{ id: 'v-1', author: 'local', model: 'local-tailor-1', written_at: draft.written_at, edited_at: null, changes: 1 }],
    });
    api.onGet('/jobs/job-1/tailoring/drafts/v-1').reply(200, draft);
    api.onPut('/jobs/job-1/tailoring/drafts/v-1').reply(412, { status: 412, detail: 'This tailored version changed since you opened it.' });
    const { user } = start();

    await user.click(await screen.findByRole('button', { name: 'Tailor my resume' }));
    const versions = await screen.findByRole('button', { name: /Newest/ });
    expect(versions).toHaveAttribute('aria-pressed', 'true');
    const letter = await screen.findByRole('textbox', { name: 'Cover letter (Markdown)' });
    await user.type(letter, ' Thanks.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This draft changed since you opened it');
    expect(within(screen.getByText('Local draft').parentElement!).getByText('Local draft')).toBeInTheDocument();
  });
});

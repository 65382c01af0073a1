import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildJobDetails } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { Applicant } from '../api/applicants';

const api = mockApi();

function buildApplicant(overrides: Partial<Applicant> = {}): Applicant {
  return {
    id: 'cand-1',
    version: 1,
    seeker_name: 'Sita Seeker',
    stage: 'new',
    note: 'I build Node.js APIs.',
    applied_at: '2026-11-20T10:00:00Z',
    fit: { score: 0.74, label: 'strong' },
    matched_skills: ['Node.js', 'PostgreSQL'],
    missing_skills: ['Kubernetes'],
    provider_notes: [],
    resume_file_name: 'sita.pdf',
    withdrawn: false,
    erased: false,
    ...overrides,
  };
}

describe('applying through Ottobon', () => {
  it('sends the resume with a note and then says when the seeker applied', async () => {
    signedInAs(api, buildUser('seeker', { has_resume: true }));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    api.onGet('/jobs/job-1/similar').reply(200, []);
    api.onGet(/^\/jobs\/fit/).reply(200, []);
    api.onGet('/jobs/job-1/applications/mine').reply(204);
    api.onGet('/users/me/resume').reply(200, { file_name: 'sita-resume.pdf' });
    api.onPost('/jobs/job-1/applications').reply((config) => {
      expect(JSON.parse(config.data as string)).toEqual({ note: 'Keen to join.' });
      return [201, { id: 'cand-1', job_id: 'job-1', stage: 'new', note: 'Keen to join.', applied_at: '2026-11-21T10:00:00Z', withdrawn: false }];
    });
    const { user } = renderApp('/jobs/job-1');

    await user.click(await screen.findByRole('button', { name: 'Apply with my resume' }));
    const form = await screen.findByRole('region', { name: /Apply to/ });
    expect(await within(form).findByText('sita-resume.pdf')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Note to the provider (optional)'), 'Keen to join.');
    await user.click(within(form).getByRole('button', { name: 'Send application' }));

    expect(await screen.findByText(/Applied through Ottobon on/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Apply with my resume' })).not.toBeInTheDocument();
  });

  it('offers no Ottobon application on a job found on a career site', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails({ origin: 'scraped', owner_id: null, source: 'Deloitte' }));
    api.onGet('/jobs/job-1/similar').reply(200, []);
    api.onGet(/^\/jobs\/fit/).reply(200, []);
    renderApp('/jobs/job-1');

    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Apply with my resume' })).not.toBeInTheDocument();
  });
});

describe('the applicants page', () => {
  it('lists applicants in the server order with fit, skills and the seeker note, and moves one to shortlisted', async () => {
    signedInAs(api, buildUser('provider'));
    const applicants = [buildApplicant(), buildApplicant({ id: 'cand-2', seeker_name: 'Ravi Rao', fit: null, matched_skills: [] })];
    api.onGet('/jobs/job-1/applicants').reply(200, { job_id: 'job-1', job_title: 'Node.js Developer', applicants });
    api.onPost('/applicants/cand-1/stage').reply((config) => {
      expect(config.headers?.['If-Match']).toBe('"1"');
      expect(JSON.parse(config.data as string)).toEqual({ stage: 'shortlisted', note: 'Strong Node.js' });
      return [200, { id: 'cand-1', version: 2, stage: 'shortlisted' }];
    });
    const { user } = renderApp('/provider/jobs/job-1/applicants');

    const list = await screen.findByRole('list', { name: 'Applicants, best fit first' });
    const cards = within(list).getAllByRole('listitem', { name: /Sita Seeker|Ravi Rao/ });
    expect(cards.map((card) => within(card).getByRole('heading', { level: 2 }).textContent)).toEqual(['Sita Seeker', 'Ravi Rao']);
    expect(cards[0]).toHaveTextContent('74% · Strong fit');
    expect(within(cards[0]).getByRole('list', { name: 'Missing skills' })).toHaveTextContent('Kubernetes');
    expect(cards[0]).toHaveTextContent('I build Node.js APIs.');
    expect(cards[1]).toHaveTextContent('Fit not scored yet');

    const stage = within(cards[0]).getByRole('form', { name: 'Stage of Sita Seeker' });
    await user.selectOptions(within(stage).getByLabelText('Stage'), 'shortlisted');
    await user.type(within(stage).getByLabelText('Note with the move (optional)'), 'Strong Node.js');
    await user.click(within(stage).getByRole('button', { name: 'Save' }));

    expect(await within(stage).findByText('Moved to Shortlisted.')).toBeInTheDocument();
  });

  it('shows a withdrawn applicant without resume or stage control', async () => {
    signedInAs(api, buildUser('provider'));
    api.onGet('/jobs/job-1/applicants').reply(200, {
      job_id: 'job-1',
      job_title: 'Node.js Developer',
      applicants: [buildApplicant({ withdrawn: true, resume_file_name: null })],
    });
    renderApp('/provider/jobs/job-1/applicants');

    const card = await screen.findByRole('listitem', { name: 'Sita Seeker' });
    expect(card).toHaveTextContent('Withdrawn');
    expect(within(card).queryByRole('button', { name: /Open the resume/ })).not.toBeInTheDocument();
  });
});

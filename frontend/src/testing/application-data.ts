import type { ApplicationDetail, ApplicationSummary } from '@/lib/applications';

export function buildApplication(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    id: 'app-1',
    job_id: 'job-1',
    job_title: 'Node.js Developer',
    company: 'Acme',
    job_status: 'active',
    job_archived: false,
    stage: 'applied',
    provider_stage: null,
    channel: 'company_site',
    applied_on: '2026-11-20',
    saved_at: '2026-11-18T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    interview_rounds: 0,
    fit_score: 74,
    next_reminder_at: null,
    version: 3,
    ...overrides,
  };
}

export function buildApplicationDetail(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    ...buildApplication(),
    apply_url: 'https://careers.example.com/jobs/1',
    timeline: [
      { version: 1, at: '2026-11-18T09:00:00Z', kind: 'job_saved', stage: 'saved', note: null, actor: 'seeker', round_at: null },
      { version: 2, at: '2026-11-20T09:00:00Z', kind: 'application_recorded', stage: 'applied', note: 'Sent the form', actor: 'seeker', round_at: null },
      { version: 3, at: '2026-11-21T09:00:00Z', kind: 'note_added', stage: null, note: 'Called the recruiter', actor: 'seeker', round_at: null },
    ],
    reminders: [],
    tailored_versions: [],
    ...overrides,
  };
}

import type { FeedPage, JobDetails, JobFeedItem, Page } from '@/types/api';

export function buildFeedItem(overrides: Partial<JobFeedItem> = {}): JobFeedItem {
  return {
    id: 'job-1',
    title: 'Junior Node.js Backend Developer',
    company_name: 'Infosys',
    location: 'Bengaluru, India',
    place: { city: 'Bengaluru', state: 'Karnataka', country: 'India' },
    skills_required: ['Node.js', 'Express', 'PostgreSQL'],
    salary_range: { currency: 'INR', min: 450000, max: 700000, period: 'year', display: '₹4.5L – ₹7L per year' },
    salary_source: 'estimated',
    status: 'active',
    created_at: '2025-06-01T09:00:00Z',
    posted_on: '2025-06-01T09:00:00Z',
    external_apply_url: null,
    job_type: 'full_time',
    work_mode: 'on_site',
    experience: 'entry',
    ...overrides,
  };
}

/** `count` feed items numbered from `from` (job-1, job-2…). */
export function buildFeedItems(count: number, from = 1): JobFeedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const n = from + index;
    return buildFeedItem({ id: `job-${n}`, title: `Job number ${n}` });
  });
}

export function buildPage<T>(items: T[], { total = items.length, skip = 0, limit = 20 } = {}): Page<T> {
  return { items, total, skip, limit };
}

export function buildFeedPage(items: JobFeedItem[], { nextCursor = null as string | null, limit = 20 } = {}): FeedPage {
  return { items, next_cursor: nextCursor, has_more: nextCursor !== null, limit };
}

export function buildJobDetails(overrides: Partial<JobDetails> = {}): JobDetails {
  return {
    id: 'job-1',
    version: 4,
    title: 'Junior Node.js Backend Developer',
    company_name: 'Infosys',
    location: 'Bengaluru, India',
    place: { city: 'Bengaluru', state: 'Karnataka', country: 'India' },
    description_raw: 'Build REST APIs with Node.js and Express.\nWork with PostgreSQL.',
    description_html: '<p>Build <strong>REST APIs</strong> with Node.js and Express.</p><p>Work with PostgreSQL.</p>',
    skills_required: ['Node.js', 'Express', 'REST APIs', 'PostgreSQL'],
    prep_guide_generated: {
      prep_questions: Array.from({ length: 5 }, (_, index) => ({
        question: `Prep question ${index + 1}?`,
        answer_strategy: `Strategy for question ${index + 1}.`,
      })),
    },
    resume_guide_generated: {
      resume_guide: Array.from({ length: 5 }, (_, index) => `Resume tip ${index + 1}.`),
    },
    salary_range: { currency: 'INR', min: 450000, max: 700000, period: 'year', display: '₹4.5L – ₹7L per year' },
    salary_source: 'estimated',
    experience_level: 'Entry level (0–2 years)',
    qualification: 'B.Tech / B.E. in Computer Science',
    status: 'active',
    origin: 'posted',
    source: null,
    external_apply_url: null,
    owner_id: 'user-provider',
    enrichment: {
      status: 'enriched',
      failed_attempts: 0,
      last_error: null,
      ai_model: 'qwen2.5:1.5b',
      embedding_model: 'all-MiniLM-L6-v2',
      deduplicated_from: null,
    },
    created_at: '2025-06-01T09:00:00Z',
    posted_on: '2025-06-01T09:00:00Z',
    updated_at: '2025-06-01T09:00:30Z',
    activated_at: '2025-06-01T09:00:30Z',
    archived_at: null,
    job_type: 'full_time',
    work_mode: 'on_site',
    experience: 'entry',
    ...overrides,
  };
}

// Shapes of the backend's JSON (snake_case, as the API sends it).

export type Role = 'seeker' | 'provider' | 'admin';

/** The user as returned inside a login or signup response. */
export type SessionUser = {
  id: string;
  email: string;
  role: Role;
  full_name: string;
};

/** GET /api/users/me */
export type CurrentUser = SessionUser & {
  phone: string | null;
  location: string | null;
  created_at: string;
};

/** POST /api/auth/login and /api/auth/signup */
export type AuthResponse = {
  access_token: string;
  token_type: 'bearer';
  /** Seconds the access token lives (minutes, not hours). */
  expires_in: number;
  /** Single use: spent by POST /auth/refresh for the next pair. */
  refresh_token: string;
  refresh_expires_in: number;
  user: SessionUser;
};

/** Body of every error response. */
export type ApiErrorBody = {
  detail?: unknown;
  title?: unknown;
};

// ---- Jobs (shapes shared by several features: the feed, the job page, listings and admin history) ----

/** Where a job is in its life: posted jobs are `processing` until the AI has enriched them. */
export type JobStatus = 'processing' | 'active' | 'archived';

export type EnrichmentStatus = 'pending' | 'enriched' | 'failed';

export type SalaryRange = {
  currency: string;
  min: number;
  max: number;
  /** "year" or "month" */
  period: string;
  /** What a person reads, e.g. "₹4.5L – ₹7L per year". */
  display: string;
};

/** A card in GET /api/jobs/feed (and the `job` of a search hit). */
export type JobFeedItem = {
  id: string;
  title: string;
  company_name: string;
  location: string | null;
  skills_required: string[];
  salary_range: SalaryRange | null;
  status: JobStatus;
  created_at: string;
  external_apply_url: string | null;
};

/** One page of a paged list: GET /api/jobs/feed, GET /api/admin/jobs. */
export type Page<T> = {
  items: T[];
  total: number;
  skip: number;
  limit: number;
};

export type PrepQuestion = {
  question: string;
  answer_strategy: string;
};

export type JobEnrichmentState = {
  status: EnrichmentStatus;
  failed_attempts: number;
  last_error: string | null;
  ai_model: string | null;
  embedding_model: string | null;
  /** The job whose enrichment was copied because its description was identical. */
  deduplicated_from: string | null;
};

/** GET /api/jobs/{id}/details, and a job as it was at some version (GET /api/admin/jobs/{id}/state). */
export type JobDetails = {
  id: string;
  /** The job stream's version (also the response's ETag): sent back as If-Match when editing. */
  version: number;
  title: string;
  company_name: string;
  location: string | null;
  /** Plain text as posted. Never render it as HTML. */
  description_raw: string;
  /** Sanitised by the server; safe to render as HTML. */
  description_html: string;
  skills_required: string[];
  prep_guide_generated: { prep_questions: PrepQuestion[] };
  resume_guide_generated: { resume_guide: string[] };
  salary_range: SalaryRange | null;
  experience_level: string | null;
  qualification: string | null;
  status: JobStatus;
  origin: 'posted' | 'scraped';
  source: string | null;
  external_apply_url: string | null;
  owner_id: string | null;
  enrichment: JobEnrichmentState;
  created_at: string;
  updated_at: string;
  activated_at: string | null;
  archived_at: string | null;
};

// ---- Chat (shapes shared by the seeker's chat, the Control Tower and the admin history) ----

export type ChatStatus = 'active_ai' | 'active_human' | 'closed';

/** Who wrote a message: the seeker, the AI coach, or a human admin. */
export type ChatRole = 'user' | 'assistant' | 'admin';

/** A stored message. */
export type ChatLine = { id: string; role: ChatRole; content: string; timestamp: string };

/** GET /api/chat/sessions/{id} (the seeker's) and GET /api/admin/sessions/{id} (an admin's): one conversation. */
export type ChatSessionDetails = {
  id: string;
  user_id: string;
  status: ChatStatus;
  job_id: string | null;
  job_title: string | null;
  created_at: string;
  messages: (ChatLine & { version?: number })[];
};

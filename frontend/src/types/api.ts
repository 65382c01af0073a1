// Shapes of the backend's JSON, generated from its OpenAPI document (api.generated.ts, `npm run generate:api`).
// These names are what the rest of the SPA imports; each is a schema of the document. The API sends statuses and
// roles as plain strings, so the few value sets the SPA switches on are named here and narrow those fields.
import type { components } from './api.generated';

export type Schemas = components['schemas'];

/** A schema with some of its string fields narrowed to the values the server uses. */
export type Narrowed<T, Fields extends { [K in keyof T]?: unknown }> = Omit<T, keyof Fields> & Fields;

export type Role = 'seeker' | 'provider' | 'admin';

/** The user as returned inside a login or signup response. */
export type SessionUser = Narrowed<Schemas['AuthUser'], { role: Role }>;

/** GET /api/users/me */
export type CurrentUser = Narrowed<Schemas['UserProfileResponse'], { role: Role }>;

/** POST /api/auth/login and /api/auth/signup: `refresh_token` is single use, spent by POST /auth/refresh. */
export type AuthResponse = Narrowed<Schemas['AuthResponse'], { user: SessionUser }>;

/** Body of every error response. */
export type ApiErrorBody = Schemas['ProblemDetails'];

// ---- Jobs (shapes shared by several features: the feed, the job page, listings and admin history) ----

/** Where a job is in its life: posted jobs are `processing` until the AI has enriched them. */
export type JobStatus = 'processing' | 'active' | 'archived';

export type EnrichmentStatus = 'pending' | 'enriched' | 'failed';

export type SalaryRange = Schemas['SalaryRange'];

/** A card in GET /api/jobs/feed (and the `job` of a search hit). */
export type JobFeedItem = Narrowed<Schemas['JobFeedItemResponse'], { status: JobStatus }>;

/** One page of a paged list: GET /api/jobs/feed, GET /api/admin/jobs. */
export type Page<T> = Omit<Schemas['JobPageOfJobFeedItemResponse'], 'items'> & { items: T[] };

export type PrepQuestion = Schemas['PrepQuestion'];

export type JobEnrichmentState = Narrowed<Schemas['EnrichmentState'], { status: EnrichmentStatus }>;

/** GET /api/jobs/{id}/details, and a job as it was at some version (GET /api/admin/jobs/{id}/state). */
export type JobDetails = Narrowed<
  Schemas['JobDetailsResponse'],
  { status: JobStatus; origin: 'posted' | 'scraped'; enrichment: JobEnrichmentState }
>;

// ---- Chat (shapes shared by the seeker's chat, the Control Tower and the admin history) ----

export type ChatStatus = 'active_ai' | 'active_human' | 'closed';

/** Who wrote a message: the seeker, the AI coach, or a human admin. */
export type ChatRole = 'user' | 'assistant' | 'admin';

/** A stored message. */
export type ChatLine = Narrowed<Schemas['ChatLine'], { role: ChatRole }>;

/** GET /api/chat/sessions/{id} (the seeker's) and GET /api/admin/sessions/{id} (an admin's): one conversation. */
export type ChatSessionDetails = Narrowed<Schemas['ChatSessionDetails'], { status: ChatStatus; messages: ChatLine[] }>;

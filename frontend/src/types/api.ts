// Shapes of the backend's JSON, generated from its OpenAPI document (api.generated.ts, `npm run generate:api`).
// These names are what the rest of the SPA imports; each is a schema of the document. Where the document states a
// value set (roles, job and chat statuses) it comes from there; the few it leaves as plain strings are narrowed here.
import type { components } from './api.generated';

export type Schemas = components['schemas'];

/** A schema with some of its string fields narrowed to the values the server uses. */
export type Narrowed<T, Fields extends { [K in keyof T]?: unknown }> = Omit<T, keyof Fields> & Fields;

/** A request schema with every field required and non-null: what a form sends once it is filled in. */
export type Filled<T> = { [K in keyof T]-?: NonNullable<T[K]> };

export type Role = Schemas['AuthUser']['role'];

/** The user as returned inside a login or signup response. */
export type SessionUser = Schemas['AuthUser'];

/** GET /api/users/me */
export type CurrentUser = Schemas['UserProfileResponse'];

/** POST /api/auth/login and /api/auth/signup: `refresh_token` is single use, spent by POST /auth/refresh. */
export type AuthResponse = Schemas['AuthResponse'];

/** Body of every error response. */
export type ApiErrorBody = Schemas['ProblemDetails'];

// ---- Jobs (shapes shared by several features: the feed, the job page, listings and admin history) ----

/** Where a job is in its life: posted jobs are `processing` until the AI has enriched them. */
export type JobStatus = Schemas['JobFeedItemResponse']['status'];

export type EnrichmentStatus = 'pending' | 'enriched' | 'failed';

export type SalaryRange = Schemas['SalaryRange'];

/** A card in GET /api/jobs/feed (and the `job` of a search hit). */
export type JobFeedItem = Schemas['JobFeedItemResponse'];

/** One page of a paged list with a total: GET /api/admin/jobs. */
export type Page<T> = Omit<Schemas['JobPageOfJobDetailsResponse'], 'items'> & { items: T[] };

/** One page of GET /api/jobs/feed: pass `next_cursor` back as `cursor` for the next one (null on the last page). */
export type FeedPage = Schemas['JobFeedPage'];

export type PrepQuestion = Schemas['PrepQuestion'];

export type JobEnrichmentState = Narrowed<Schemas['EnrichmentState'], { status: EnrichmentStatus }>;

/** GET /api/jobs/{id}/details, and a job as it was at some version (GET /api/admin/jobs/{id}/state). */
export type JobDetails = Narrowed<
  Schemas['JobDetailsResponse'],
  { origin: 'posted' | 'scraped'; enrichment: JobEnrichmentState }
>;

// ---- Chat (shapes shared by the seeker's chat, the Control Tower and the admin history) ----

export type ChatStatus = Schemas['ChatSessionDetails']['status'];

/** Who wrote a message: the seeker, the AI coach, or a human admin. */
export type ChatRole = Schemas['ChatLine']['role'];

/** A stored message. */
export type ChatLine = Schemas['ChatLine'];

/** GET /api/chat/sessions/{id} (the seeker's) and GET /api/admin/sessions/{id} (an admin's): one conversation. */
export type ChatSessionDetails = Schemas['ChatSessionDetails'];

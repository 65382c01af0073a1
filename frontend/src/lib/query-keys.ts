/**
 * The roots of the query keys. Each feature builds its own keys under one of them (in its `api/` folder), so a
 * change made in one feature can refresh what other features show by invalidating a root, without importing them.
 */
export const queryRoots = {
  /** Every view of jobs: the feed, a job's details, search, the provider's listings, the admin lists and histories. */
  jobs: ['jobs'],
  /** The signed-in user's own data: profile, resume, and what is computed from the resume (recommendations, fit). */
  me: ['me'],
  /** Chat sessions and conversations, the seeker's and the control tower's. */
  chat: ['chat'],
  /** Ingestion sources, runs and daily counts. */
  ingestion: ['ingestion'],
  /** The signed-in user's notifications: the bell's count and preview, and the Notifications page. */
  notifications: ['notifications'],
} as const;

/** One job's details: read by the job page and by the pages about that job (e.g. the fit), one cache entry for all. */
export const jobDetailsKey = (jobId: string) => [...queryRoots.jobs, 'details', jobId] as const;

import { jobDetailsKey, queryRoots } from '@/lib/query-keys';

export type FeedFilters = {
  /** Where the page starts: a `next_cursor` the feed handed out, or '' for the first page. */
  cursor: string;
  q: string;
  company: string;
  /** Part of the place, e.g. "bengaluru". */
  location: string;
  /** Rupees a year the top of the salary range must reach, or '' for any. */
  minSalary: string;
  /** Listed in the last N days, or '' for any time. */
  postedWithinDays: string;
  /** Rupees a year the bottom of the salary range must not pass, or '' for any. */
  maxSalary?: string;
  /** internship, full_time, part_time or contract (comma separated), or '' for any. */
  jobType?: string;
  /** remote, hybrid or on_site, or '' for any. */
  workMode?: string;
  /** internship, entry, early or experienced, or '' for any. */
  experience?: string;
  /** newest, posted, salary or relevance; '' for the feed's default (relevance with q, else newest). */
  sort?: string;
};

export const jobKeys = {
  feeds: () => [...queryRoots.jobs, 'feed'] as const,
  feed: (filters: FeedFilters) => [...jobKeys.feeds(), filters] as const,
  companies: () => [...queryRoots.jobs, 'companies'] as const,
  details: jobDetailsKey,
  search: (query: string) => [...queryRoots.jobs, 'search', query] as const,
  similar: (jobId: string) => [...queryRoots.jobs, 'similar', jobId] as const,
  // Computed from the seeker's resume: a new resume refreshes it with the rest of the seeker's data.
  recommended: () => [...queryRoots.me, 'recommended-jobs'] as const,
  fits: (jobIds: string[]) => [...queryRoots.me, 'job-fits', jobIds] as const,
};

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { FeedPage } from '@/types/api';
import { type FeedFilters, jobKeys } from './query-keys';

export type { FeedFilters } from './query-keys';

export const feedPageSize = 20;

/**
 * GET /api/jobs/feed: active jobs, newest first (or by posting date, salary or relevance), one page per cursor (each page is cached under its own cursor,
 * so Previous is instant). Keeps the previous page on screen while the next loads.
 */
export function useJobsFeed(filters: FeedFilters) {
  const { cursor, q, company, location, minSalary, postedWithinDays, maxSalary, jobType, workMode, experience, sort } = filters;
  return useQuery({
    queryKey: jobKeys.feed({ cursor, q, company, location, minSalary, postedWithinDays, maxSalary, jobType, workMode, experience, sort }),
    queryFn: ({ signal }) =>
      apiGet<FeedPage>('/jobs/feed', {
        params: {
          cursor: cursor || undefined,
          limit: feedPageSize,
          q: q || undefined,
          company: company || undefined,
          location: location || undefined,
          min_salary: minSalary || undefined,
          posted_within_days: postedWithinDays || undefined,
          max_salary: maxSalary || undefined,
          job_type: jobType || undefined,
          work_mode: workMode || undefined,
          experience: experience || undefined,
          sort: sort || undefined,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** GET /api/jobs/companies, for the company filter: changes rarely. */
export function useJobCompanies() {
  return useQuery({
    queryKey: jobKeys.companies(),
    queryFn: ({ signal }) => apiGet<string[]>('/jobs/companies', { signal }),
    staleTime: 10 * 60_000,
  });
}

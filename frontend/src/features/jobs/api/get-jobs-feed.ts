import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { JobFeedItem, Page } from '@/types/api';
import { type FeedFilters, jobKeys } from './query-keys';

export type { FeedFilters } from './query-keys';

export const feedPageSize = 20;

/** GET /api/jobs/feed: active jobs, newest first. Keeps the previous page on screen while the next loads. */
export function useJobsFeed({ skip, q, company }: FeedFilters) {
  return useQuery({
    queryKey: jobKeys.feed({ skip, q, company }),
    queryFn: ({ signal }) =>
      apiGet<Page<JobFeedItem>>('/jobs/feed', { params: { skip, limit: feedPageSize, q, company }, signal }),
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

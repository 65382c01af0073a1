import { useApiQuery } from '@/lib/use-api-query';
import type { JobFeedItem, Page } from '@/types/api';

export const feedPageSize = 20;

export type FeedFilters = {
  skip: number;
  q: string;
  company: string;
};

/** GET /api/jobs/feed: active jobs, newest first. Keeps the previous page on screen while the next loads. */
export function useJobsFeed({ skip, q, company }: FeedFilters) {
  return useApiQuery<Page<JobFeedItem>>(
    { url: '/jobs/feed', params: { skip, limit: feedPageSize, q, company } },
    { keepPreviousData: true },
  );
}

/** GET /api/jobs/companies, for the company filter. */
export function useJobCompanies() {
  return useApiQuery<string[]>({ url: '/jobs/companies' });
}

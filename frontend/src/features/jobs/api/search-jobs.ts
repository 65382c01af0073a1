import { useApiQuery } from '@/lib/use-api-query';
import type { JobSearchResults } from './types';

export const smartSearchLimit = 10;

/** GET /api/jobs/search: nothing is requested until there is a query. */
export function useSmartSearch(query: string) {
  return useApiQuery<JobSearchResults>(
    query ? { url: '/jobs/search', params: { q: query, limit: smartSearchLimit } } : null,
    { keepPreviousData: true },
  );
}

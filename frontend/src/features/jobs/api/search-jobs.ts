import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import { jobKeys } from './query-keys';
import type { JobSearchResults } from './types';

export const smartSearchLimit = 10;

/** GET /api/jobs/search: nothing is requested until there is a query. The same query is answered from the cache for a minute. */
export function useSmartSearch(query: string) {
  return useQuery({
    queryKey: jobKeys.search(query),
    queryFn: ({ signal }) => apiGet<JobSearchResults>('/jobs/search', { params: { q: query, limit: smartSearchLimit }, signal }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import { jobKeys } from './query-keys';
import type { JobSearchResults } from './types';

export const smartSearchLimit = 10;

/**
 * GET /api/jobs/search, a page at a time ("Show more" asks for the next): nothing is requested until there is a query.
 * The same query is answered from the cache for a minute.
 */
export function useSmartSearch(query: string) {
  return useInfiniteQuery({
    queryKey: jobKeys.search(query),
    queryFn: ({ pageParam, signal }) =>
      apiGet<JobSearchResults>('/jobs/search', { params: { q: query, limit: smartSearchLimit, page: pageParam }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.has_more ? last.page + 1 : undefined),
    enabled: query !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

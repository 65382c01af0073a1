import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import type { FeedPage } from '@/types/api';

export const newestJobsCount = 6;

/** The first page of the public feed (GET /api/jobs/feed, no account needed): the home page's newest jobs. */
export function useNewestJobs() {
  return useQuery({
    queryKey: [...queryRoots.jobs, 'newest', newestJobsCount],
    queryFn: ({ signal }) => apiGet<FeedPage>('/jobs/feed', { params: { limit: newestJobsCount }, signal }),
    staleTime: 60_000,
  });
}

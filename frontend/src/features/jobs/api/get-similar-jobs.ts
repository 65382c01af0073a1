import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { JobFeedItem, Schemas } from '@/types/api';
import { jobKeys } from './query-keys';

export const similarLimit = 4;

/** GET /api/jobs/{id}/similar: active jobs nearest to this one by meaning, itself left out. */
export type SimilarJob = Omit<Schemas['SimilarJob'], 'job'> & { job: JobFeedItem };

export function useSimilarJobs(jobId: string | undefined) {
  return useQuery({
    queryKey: jobKeys.similar(jobId ?? ''),
    queryFn: ({ signal }) =>
      apiGet<SimilarJob[]>(`/jobs/${encodeURIComponent(jobId ?? '')}/similar`, { params: { limit: similarLimit }, signal }),
    enabled: !!jobId,
    staleTime: 5 * 60_000,
  });
}

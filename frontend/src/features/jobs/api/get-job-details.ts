import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { JobDetails } from '@/types/api';
import { jobKeys } from './query-keys';

/** While a job is being prepared, look again this often (until it is active or its enrichment failed). */
export const processingRefreshMs = 3000;

/** Still being prepared by the AI: the page follows it until it is active (or its enrichment failed). */
export function isBeingPrepared(job: JobDetails | undefined): boolean {
  return job?.status === 'processing' && job.enrichment.status !== 'failed';
}

export const jobDetailsQuery = (jobId: string) =>
  queryOptions({
    queryKey: jobKeys.details(jobId),
    queryFn: ({ signal }) => apiGet<JobDetails>(`/jobs/${encodeURIComponent(jobId)}/details`, { signal }),
    refetchInterval: (query) => (isBeingPrepared(query.state.data) ? processingRefreshMs : false),
  });

/** GET /api/jobs/{id}/details: 404 when the job doesn't exist or the user may not see it. */
export function useJobDetails(jobId: string | undefined) {
  return useQuery({ ...jobDetailsQuery(jobId ?? ''), enabled: !!jobId });
}

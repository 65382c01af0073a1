import { useApiQuery } from '@/lib/use-api-query';
import type { JobDetails } from '@/types/api';

/** GET /api/jobs/{id}/details: 404 when the job doesn't exist or the user may not see it. */
export function useJobDetails(jobId: string | undefined) {
  return useApiQuery<JobDetails>(jobId ? { url: `/jobs/${encodeURIComponent(jobId)}/details` } : null);
}

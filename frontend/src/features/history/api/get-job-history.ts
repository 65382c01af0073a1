import { useApiQuery } from '@/lib/use-api-query';
import type { JobDetails } from '@/types/api';
import type { JobHistoryEvent } from './types';

const jobUrl = (jobId: string) => `/admin/jobs/${encodeURIComponent(jobId)}`;

/** GET /api/admin/jobs/{id}/history: the job's events in order. */
export function useJobHistory(jobId: string) {
  return useApiQuery<JobHistoryEvent[]>({ url: `${jobUrl(jobId)}/history` });
}

/** GET /api/admin/jobs/{id}/state?version=N: the job as it was right after event N. */
export function useJobStateAt(jobId: string, version: number | null) {
  return useApiQuery<JobDetails>(version === null ? null : { url: `${jobUrl(jobId)}/state`, params: { version } }, {
    keepPreviousData: true,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { JobDetails } from '@/types/api';
import { historyKeys } from './query-keys';
import type { JobHistoryEvent } from './types';

const jobUrl = (jobId: string) => `/admin/jobs/${encodeURIComponent(jobId)}`;

/** GET /api/admin/jobs/{id}/history: the job's events in order. */
export function useJobHistory(jobId: string) {
  return useQuery({
    queryKey: historyKeys.jobHistory(jobId),
    queryFn: ({ signal }) => apiGet<JobHistoryEvent[]>(`${jobUrl(jobId)}/history`, { signal }),
    staleTime: 0,
  });
}

/** GET /api/admin/jobs/{id}/state?version=N: the job as it was right after event N (which never changes). */
export function useJobStateAt(jobId: string, version: number | null) {
  return useQuery({
    queryKey: historyKeys.jobStateAt(jobId, version),
    queryFn: ({ signal }) => apiGet<JobDetails>(`${jobUrl(jobId)}/state`, { params: { version }, signal }),
    enabled: version !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

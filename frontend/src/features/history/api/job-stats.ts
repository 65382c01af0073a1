import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiGet, apiRequest } from '@/lib/query';
import { historyKeys } from './query-keys';
import type { EmbeddingsRefreshResponse, JobStats, ReenrichResponse } from './types';

/** GET /api/admin/jobs/stats */
export function useJobStats() {
  return useQuery({
    queryKey: historyKeys.jobStats(),
    queryFn: ({ signal }) => apiGet<JobStats>('/admin/jobs/stats', { signal }),
    staleTime: 0,
  });
}

/** Re-enrich or re-embed: the work is queued, and the admin views of jobs (stats, lists, histories) are loaded again. */
export function useQueueJobWork<T extends { message: string }>(request: (nothing: void) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: historyKeys.adminJobs() }),
  });
}

/** POST /api/admin/jobs/reenrich: one job, or (without an id) every job whose enrichment is incomplete. */
export async function reenrichJobs(jobId?: string): Promise<ReenrichResponse> {
  const response = await api.post<ReenrichResponse>('/admin/jobs/reenrich', jobId ? { job_id: jobId } : {});
  return response.data;
}

/** POST /api/admin/embeddings/refresh: after a model switch, embed every job and resume again with the configured model. */
export async function refreshEmbeddings(): Promise<EmbeddingsRefreshResponse> {
  const response = await api.post<EmbeddingsRefreshResponse>('/admin/embeddings/refresh');
  return response.data;
}

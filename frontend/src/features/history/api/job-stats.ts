import { api } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';
import type { EmbeddingsRefreshResponse, JobStats, ReenrichResponse } from './types';

/** GET /api/admin/jobs/stats */
export function useJobStats() {
  return useApiQuery<JobStats>({ url: '/admin/jobs/stats' });
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

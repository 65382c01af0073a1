import { api } from '@/lib/api-client';
import type { ArchiveJobResponse } from './types';

/** Takes the job out of the feed and search; its history is kept. Owner or admin only. */
export async function archiveJob(jobId: string): Promise<ArchiveJobResponse> {
  const response = await api.delete<ArchiveJobResponse>(`/jobs/${encodeURIComponent(jobId)}`);
  return response.data;
}

import { api } from '@/lib/api-client';
import { ifMatch } from '@/lib/stream-version';
import type { ArchiveJobResponse } from './types';

/**
 * Takes the job out of the feed and search; its history is kept. Owner or admin only. `version` is the listing's
 * stream version: a job that changed since the list was loaded is refused with 412.
 */
export async function archiveJob(jobId: string, version: number): Promise<ArchiveJobResponse> {
  const response = await api.delete<ArchiveJobResponse>(`/jobs/${encodeURIComponent(jobId)}`, { headers: ifMatch(version) });
  return response.data;
}

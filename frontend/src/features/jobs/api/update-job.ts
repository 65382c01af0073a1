import { api } from '@/lib/api-client';
import { ifMatch } from '@/lib/stream-version';
import type { JobStatus } from '@/types/api';

/** PATCH /api/jobs/{id}: only the fields sent change; an empty location clears it. */
export type JobChanges = {
  title?: string;
  location?: string;
  description_raw?: string;
};

/** The answer to an edit: the job as the edit left it. */
export type JobEdited = {
  id: string;
  version: number;
  status: JobStatus;
  title: string;
  location: string | null;
  description_raw: string;
  skills_required: string[];
  /** The description changed, so the AI prepares the job again. */
  reenrichment_queued: boolean;
};

/** Edits the job as it was at `version` (the version the page loaded); a stale version is refused with 412. */
export async function updateJob(jobId: string, changes: JobChanges, version: number): Promise<JobEdited> {
  const response = await api.patch<JobEdited>(`/jobs/${encodeURIComponent(jobId)}`, changes, { headers: ifMatch(version) });
  return response.data;
}

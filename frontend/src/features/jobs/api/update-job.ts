import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { optimisticUpdate } from '@/lib/optimistic';
import { apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import { ifMatch } from '@/lib/stream-version';
import type { Filled, JobDetails, JobStatus, Narrowed, Schemas } from '@/types/api';
import { jobKeys } from './query-keys';

/** PATCH /api/jobs/{id}: only the fields sent change; an empty location clears it. */
export type JobChanges = Partial<Filled<Pick<Schemas['UpdateJob'], 'title' | 'location' | 'description_raw'>>>;

/** The answer to an edit: the job as the edit left it (`reenrichment_queued`: the description changed, so the AI prepares the job again). */
export type JobEdited = Narrowed<Schemas['JobEdited'], { status: JobStatus }>;

/** Edits the job as it was at `version` (the version the page loaded); a stale version is refused with 412. */
export async function updateJob(jobId: string, changes: JobChanges, version: number): Promise<JobEdited> {
  const response = await api.patch<JobEdited>(`/jobs/${encodeURIComponent(jobId)}`, changes, { headers: ifMatch(version) });
  return response.data;
}

const withChanges = (job: JobDetails, changes: JobChanges): JobDetails => ({
  ...job,
  ...(changes.title !== undefined && { title: changes.title }),
  ...(changes.location !== undefined && { location: changes.location || null }),
  ...(changes.description_raw !== undefined && { description_raw: changes.description_raw }),
});

/**
 * Edits `job` (at the version it was loaded) and shows the change on the job page at once; a refused edit (412)
 * puts the job back as it was. Afterwards every view of jobs is refreshed: the details, the feed, listings, admin lists.
 */
export function useUpdateJob(job: JobDetails) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest((changes: JobChanges) => updateJob(job.id, changes, job.version)),
    ...optimisticUpdate<JobDetails, JobChanges>(jobKeys.details(job.id), withChanges),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryRoots.jobs }),
  });
}

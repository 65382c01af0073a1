import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';
import { apiGet, apiRequest } from './query';
import type { Narrowed, Schemas } from '@/types/api';

// The tracker's shapes. They live in lib/ rather than in features/applications because the job cards and the job page
// (components/applications) show the same state, and shared code may not import a feature.

/** One application as GET /api/applications lists it. */
export type ApplicationSummary = Schemas['ApplicationSummary'];
export type ApplicationStage = ApplicationSummary['stage'];
export type ApplicationChannel = NonNullable<ApplicationSummary['channel']>;

/** One event of the application's stream, oldest first in the detail. */
export type TimelineEntry = Narrowed<Schemas['TimelineEntry'], { stage: ApplicationStage | null }>;

/** A pending reminder. */
export type Reminder = Schemas['ReminderResponse'];

export type TailoredVersion = Schemas['TailoredVersionLink'];

/** GET /api/applications/{id}: the summary with its timeline, pending reminders and the tailored versions for the job. */
export type ApplicationDetail = Narrowed<
  Schemas['ApplicationDetail'],
  { stage: ApplicationStage; channel: ApplicationChannel | null; timeline: TimelineEntry[] }
>;

export const applicationStages: { value: ApplicationStage; label: string }[] = [
  { value: 'saved', label: 'Saved' },
  { value: 'applied', label: 'Applied' },
  { value: 'interviewing', label: 'Interviewing' },
  { value: 'offer', label: 'Offer' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn' },
];

export function applicationStageLabel(stage: string): string {
  return applicationStages.find((s) => s.value === stage)?.label ?? stage;
}

/**
 * The moves the contract allows from each stage (interviewing → interviewing is another round). The server decides;
 * the SPA only offers these, so a refused move is a race with another change, not a wrong choice.
 */
export const allowedMoves: Record<ApplicationStage, ApplicationStage[]> = {
  saved: ['applied'],
  applied: ['interviewing', 'offer', 'rejected', 'withdrawn'],
  interviewing: ['interviewing', 'offer', 'rejected', 'withdrawn'],
  offer: ['withdrawn'],
  rejected: [],
  withdrawn: [],
};

export const applicationKeys = {
  all: ['applications'] as const,
  lists: ['applications', 'list'] as const,
  list: (stage: ApplicationStage | null) => [...applicationKeys.lists, stage ?? 'all'] as const,
  details: ['applications', 'detail'] as const,
  detail: (id: string) => [...applicationKeys.details, id] as const,
  ofJob: (jobId: string) => [...applicationKeys.all, 'job', jobId] as const,
};

/** GET /api/applications (optionally one stage), newest change first. */
export function applicationListQuery(stage: ApplicationStage | null) {
  return queryOptions({
    queryKey: applicationKeys.list(stage),
    queryFn: ({ signal }) => apiGet<{ items: ApplicationSummary[] }>('/applications', { params: { stage }, signal }).then((page) => page.items),
  });
}

/** The seeker's tracked jobs by job id: one request for a whole feed page of cards. */
export function useTrackedJobs(enabled: boolean) {
  return useQuery({
    ...applicationListQuery(null),
    enabled,
    select: (items) => new Map(items.map((item) => [item.job_id, item])),
  });
}

/** The seeker's application to one job, or null when they track none (204). */
export function useJobApplication(jobId: string, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.ofJob(jobId),
    queryFn: ({ signal }) =>
      apiGet<ApplicationSummary | ''>(`/jobs/${encodeURIComponent(jobId)}/application`, { signal }).then((found) => found || null),
    enabled,
  });
}

function useJobApplicationMutation<TVariables>(jobId: string, request: (variables: TVariables) => Promise<ApplicationSummary | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(request),
    onSuccess: (application) => {
      // The job's own state is the answer; the lists and the application's page reload.
      queryClient.setQueryData(applicationKeys.ofJob(jobId), application);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.lists });
      void queryClient.invalidateQueries({ queryKey: applicationKeys.details });
    },
  });
}

/** "Save": PUT is idempotent (200 when the job is already tracked, at any stage). */
export function useSaveJob(jobId: string) {
  return useJobApplicationMutation(jobId, async () => (await api.put<ApplicationSummary>(`/jobs/${encodeURIComponent(jobId)}/application/saved`)).data);
}

/** Unsave a job that is only saved (the server answers 409 once it is past saved). */
export function useUnsaveJob(jobId: string) {
  return useJobApplicationMutation(jobId, async () => {
    await api.delete(`/jobs/${encodeURIComponent(jobId)}/application/saved`);
    return null;
  });
}

export type AppliedInput = { applied_on?: string; note?: string };

/** "I applied" (on the company's site): the date defaults to today on the server. */
export function useRecordApplied(jobId: string) {
  return useJobApplicationMutation(jobId, async (input: AppliedInput) =>
    (await api.post<ApplicationSummary>(`/jobs/${encodeURIComponent(jobId)}/application/applied`, input)).data,
  );
}

/** Today in the person's own time zone, as YYYY-MM-DD (what a date input and the contract's dates use). */
export function localToday(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

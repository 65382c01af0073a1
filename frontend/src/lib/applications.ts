import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';
import { apiGet, apiRequest } from './query';

// The tracker's shapes, written by hand to mirror /work/wt/briefs/TRACKER-CONTRACT.md until the API's OpenAPI lands
// (then they become Schemas[...] from '@/types/api'). They live in lib/ rather than in features/applications because
// the job cards and the job page (components/applications) show the same state, and shared code may not import a feature.

export type ApplicationStage = 'saved' | 'applied' | 'interviewing' | 'offer' | 'rejected' | 'withdrawn';
export type ApplicationChannel = 'company_site' | 'ottobon';

export type ApplicationSummary = {
  id: string;
  job_id: string;
  job_title: string;
  company: string;
  job_status: string;
  job_archived: boolean;
  stage: ApplicationStage;
  /** The provider's own stage name, for applications made through Ottobon. */
  provider_stage: string | null;
  /** Null while only saved. */
  channel: ApplicationChannel | null;
  /** YYYY-MM-DD. */
  applied_on: string | null;
  saved_at: string;
  updated_at: string;
  interview_rounds: number;
  /** 0–100, null without a resume. */
  fit_score: number | null;
  next_reminder_at: string | null;
  /** The stream version, sent back as If-Match. */
  version: number;
};

export type TimelineEntry = {
  version: number;
  at: string;
  kind: string;
  stage: ApplicationStage | null;
  note: string | null;
  actor: 'seeker' | 'provider' | 'system';
  round_at: string | null;
};

export type Reminder = { id: string; due_at: string; text: string };

export type TailoredVersion = { id: string; created_at: string; title: string };

export type ApplicationDetail = ApplicationSummary & {
  apply_url: string | null;
  /** Every event, oldest first. */
  timeline: TimelineEntry[];
  /** Pending reminders. */
  reminders: Reminder[];
  tailored_versions: TailoredVersion[];
};

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

import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ApiError } from '@/lib/api-error';
import { useMe } from '@/lib/me';
import { apiGet, apiRequest, isTransient, queryRetries } from '@/lib/query';
import { jobDetailsKey, queryRoots } from '@/lib/query-keys';
import type { JobDetails } from '@/types/api';
import type { JobMatch } from './types';

/** When the resume is still being processed, ask again this often, this many times. */
export const matchRetryDelayMs = 3000;
export const matchRetries = 5;

export type MatchState =
  | { status: 'loading' }
  | { status: 'success'; match: JobMatch }
  /** 422 while the resume is being processed: another try is scheduled (`attempt` of `matchRetries`). */
  | { status: 'waiting'; detail: string; attempt: number }
  /** 422: no resume yet, or still processing after every retry. */
  | { status: 'needs_resume'; detail: string; stillProcessing: boolean }
  | { status: 'not_found' }
  | { status: 'error'; message: string };

/** The 422 for a resume that exists but isn't ready yet (as opposed to no resume at all). */
export function isStillProcessing(detail: string): boolean {
  return /process|not (yet )?ready/i.test(detail);
}

const noResumeDetail = 'Upload a resume first to check your fit.';

const resumeNotReady = (error: ApiError | null): error is ApiError => error?.status === 422 && isStillProcessing(error.message);

export async function matchJob(jobId: string, signal?: AbortSignal): Promise<JobMatch> {
  const response = await api.post<JobMatch>(`/jobs/${encodeURIComponent(jobId)}/match`, undefined, { signal });
  return response.data;
}

const fetchMatch = apiRequest(({ jobId, signal }: { jobId: string; signal: AbortSignal }) => matchJob(jobId, signal));

/** The job the fit is about (the same cache entry as the job page's). */
export function useMatchedJob(jobId: string | undefined) {
  return useQuery({
    queryKey: jobDetailsKey(jobId ?? ''),
    queryFn: ({ signal }) => apiGet<JobDetails>(`/jobs/${encodeURIComponent(jobId ?? '')}/details`, { signal }),
    enabled: !!jobId,
  });
}

/**
 * Scores the seeker's resume against a job (a POST, but it changes nothing: it is read like a query and cached with
 * the seeker's data, which a new resume refreshes). A 422 that says the resume is still being processed is retried a
 * few times on its own; `retry` asks again by hand.
 */
export function useJobMatch(jobId: string | undefined) {
  // Without a resume there is no fit to ask for (the POST would be a 422 in the console): the profile says first.
  const onFile = useMe((loaded) => loaded.profile.has_resume, { enabled: !!jobId });
  const query = useQuery({
    queryKey: [...queryRoots.me, 'match', jobId ?? ''],
    queryFn: ({ signal }) => fetchMatch({ jobId: jobId ?? '', signal }),
    enabled: !!jobId && onFile.data === true,
    retry: (failureCount, error) =>
      resumeNotReady(error) ? failureCount < matchRetries : isTransient(error) && failureCount < queryRetries,
    retryDelay: (failureCount, error) => (resumeNotReady(error) ? matchRetryDelayMs : Math.min(1000 * 2 ** failureCount, 30_000)),
  });
  const state: MatchState =
    onFile.data === false
      ? { status: 'needs_resume', detail: noResumeDetail, stillProcessing: false }
      : onFile.isError
        ? { status: 'error', message: onFile.error.message }
        : onFile.isPending
          ? { status: 'loading' }
          : matchState(query);
  return { state, retry: () => void (onFile.isError ? onFile.refetch() : query.refetch()) };
}

function matchState({ data, error, failureReason, failureCount, isFetching }: UseQueryResult<JobMatch>): MatchState {
  // While a retry is on its way, keep showing the "waiting" message rather than a spinner.
  if (isFetching && resumeNotReady(failureReason) && failureCount > 0) {
    return { status: 'waiting', detail: failureReason.message, attempt: failureCount };
  }
  // The first answer, or asked again by hand after a failure.
  if (isFetching && (error || !data)) return { status: 'loading' };
  if (error?.status === 404) return { status: 'not_found' };
  if (error?.status === 422) return { status: 'needs_resume', detail: error.message, stillProcessing: isStillProcessing(error.message) };
  if (error) return { status: 'error', message: error.message };
  return data ? { status: 'success', match: data } : { status: 'loading' };
}

import { isAxiosError, isCancel } from 'axios';
import { useCallback, useEffect, useState } from 'react';
import { api, getErrorMessage } from '@/lib/api-client';
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

export async function matchJob(jobId: string, signal?: AbortSignal): Promise<JobMatch> {
  const response = await api.post<JobMatch>(`/jobs/${encodeURIComponent(jobId)}/match`, undefined, { signal });
  return response.data;
}

/**
 * Scores the seeker's resume against a job. A 422 that says the resume is still being processed is retried
 * a few times on its own; `retry` asks again by hand.
 */
export function useJobMatch(jobId: string | undefined) {
  const [round, setRound] = useState({ jobId, run: 0, attempt: 0 });
  const [settled, setSettled] = useState<{ key: string; state: MatchState } | null>(null);
  const current = round.jobId === jobId ? round : { jobId, run: 0, attempt: 0 };
  const key = `${jobId}:${current.run}:${current.attempt}`;

  useEffect(() => {
    if (!jobId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { run, attempt } = current;
    matchJob(jobId, controller.signal)
      .then((match) => setSettled({ key, state: { status: 'success', match } }))
      .catch((error: unknown) => {
        if (isCancel(error) || controller.signal.aborted) return;
        const status = isAxiosError(error) ? error.response?.status : undefined;
        const detail = getErrorMessage(error);
        if (status === 404) {
          setSettled({ key, state: { status: 'not_found' } });
        } else if (status === 422 && isStillProcessing(detail) && attempt < matchRetries) {
          setSettled({ key, state: { status: 'waiting', detail, attempt: attempt + 1 } });
          timer = setTimeout(() => setRound({ jobId, run, attempt: attempt + 1 }), matchRetryDelayMs);
        } else if (status === 422) {
          setSettled({ key, state: { status: 'needs_resume', detail, stillProcessing: isStillProcessing(detail) } });
        } else {
          setSettled({ key, state: { status: 'error', message: detail } });
        }
      });
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // `current` is described by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const retry = useCallback(() => setRound((previous) => ({ jobId, run: previous.run + 1, attempt: 0 })), [jobId]);

  // While a retry is on its way, keep showing the "waiting" message rather than a spinner.
  const state: MatchState =
    settled?.key === key
      ? settled.state
      : settled?.state.status === 'waiting' && current.attempt > 0
        ? settled.state
        : { status: 'loading' };
  return { state, retry };
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { api, getErrorMessage } from '@/lib/api-client';
import { ingestionKeys } from './query-keys';
import type { RunCancelled } from './types';

export type CancelResult =
  | { outcome: 'cancelled'; message: string }
  /** 409: the run finished (or was cancelled) before the request arrived. */
  | { outcome: 'already_finished'; message: string }
  | { outcome: 'failed'; message: string };

/** POST /api/admin/ingest/runs/{id}/cancel. Never throws. */
export async function cancelRun(runId: string): Promise<CancelResult> {
  try {
    const { data } = await api.post<RunCancelled>(`/admin/ingest/runs/${encodeURIComponent(runId)}/cancel`);
    return { outcome: 'cancelled', message: data.message };
  } catch (error) {
    if (isAxiosError(error) && error.response?.status === 409) return { outcome: 'already_finished', message: getErrorMessage(error) };
    return { outcome: 'failed', message: getErrorMessage(error) };
  }
}

/** Cancels a run; when it was cancelled (or had already finished) the runs and sources are loaded again. */
export function useCancelRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelRun,
    onSuccess: (result) => {
      if (result.outcome !== 'failed') void queryClient.invalidateQueries({ queryKey: ingestionKeys.runs() });
    },
  });
}

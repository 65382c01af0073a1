import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { api, getErrorMessage } from '@/lib/api-client';
import { ingestionKeys } from './query-keys';
import type { RunAccepted } from './types';

export type TriggerResult =
  | { outcome: 'started'; runId: string; message: string }
  /** 409: a run for this source is already going; `runId` is that run. */
  | { outcome: 'already_running'; runId: string | null; source: string | null; message: string }
  | { outcome: 'failed'; message: string };

/** POST /api/admin/ingest/{source}, or /api/admin/ingest/all when `source` is null. Never throws. */
export async function triggerIngestion(source: string | null): Promise<TriggerResult> {
  const url = source === null ? '/admin/ingest/all' : `/admin/ingest/${encodeURIComponent(source)}`;
  try {
    const { data } = await api.post<RunAccepted>(url);
    return { outcome: 'started', runId: data.run_id, message: data.message };
  } catch (error) {
    if (isAxiosError<{ detail?: string; run_id?: string; source?: string }>(error) && error.response?.status === 409) {
      const body = error.response.data ?? {};
      return {
        outcome: 'already_running',
        runId: typeof body.run_id === 'string' ? body.run_id : null,
        source: typeof body.source === 'string' ? body.source : source,
        message: getErrorMessage(error),
      };
    }
    return { outcome: 'failed', message: getErrorMessage(error) };
  }
}

/** Asks for a sync; unless it failed, the runs are loaded again (the new run, or the one already going). */
export function useTriggerIngestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: triggerIngestion,
    onSuccess: (result) => {
      if (result.outcome !== 'failed') void queryClient.invalidateQueries({ queryKey: ingestionKeys.runs() });
    },
  });
}

/** What the admin is told after asking for a sync. */
export type SyncFeedback = { tone: 'success' | 'warning' | 'error'; message: string; runId?: string | null };

/** Started (with the new run's id), already running (with that run's id), or failed (with the reason). */
export function syncFeedback(result: TriggerResult, messages: { started: string; alreadyRunning: string }): SyncFeedback {
  if (result.outcome === 'started') return { tone: 'success', message: messages.started, runId: result.runId };
  if (result.outcome === 'already_running') return { tone: 'warning', message: messages.alreadyRunning, runId: result.runId };
  return { tone: 'error', message: result.message };
}

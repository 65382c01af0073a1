import { useCallback, useEffect, useState } from 'react';
import { api } from '@/lib/api-client';
import { useLiveSocket } from '@/lib/use-live-socket';
import type { IngestionRun, RunsMessage } from './types';

export const liveRunsSocketPath = '/ws/admin/ingestion';
/** While the socket is down, GET /runs this often instead. */
export const runsPollIntervalMs = 3000;
/** The live feed sends the latest 10 runs; polling asks for as many. */
export const liveRunsLimit = 10;

/** `live`: the socket is pushing; `polling`: it dropped (or can't open) and /runs is read every 3 s meanwhile. */
export type LiveConnection = 'connecting' | 'live' | 'polling';

function isRunsMessage(message: unknown): message is RunsMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'runs' &&
    Array.isArray((message as { runs?: unknown }).runs)
  );
}

/**
 * The latest runs as they change: pushed by /ws/admin/ingestion, which reconnects with backoff when it drops.
 * Until it is back, GET /api/admin/ingest/runs is polled every 3 s so progress keeps moving.
 */
export function useLiveRuns(): { runs: IngestionRun[] | null; connection: LiveConnection } {
  const [runs, setRuns] = useState<IngestionRun[] | null>(null);
  const handleMessage = useCallback((message: unknown) => {
    if (isRunsMessage(message)) setRuns(message.runs);
  }, []);
  const { status: socket } = useLiveSocket({ path: liveRunsSocketPath, onMessage: handleMessage });
  const isPolling = socket === 'reconnecting' || socket === 'offline';

  useEffect(() => {
    if (!isPolling) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await api.get<IngestionRun[]>('/admin/ingest/runs', {
          params: { limit: liveRunsLimit },
          signal: controller.signal,
        });
        if (!controller.signal.aborted) setRuns(response.data);
      } catch {
        // The next poll tries again; the page keeps what it has.
      }
      if (!controller.signal.aborted) timer = setTimeout(poll, runsPollIntervalMs);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [isPolling]);

  const connection: LiveConnection = socket === 'open' ? 'live' : isPolling ? 'polling' : 'connecting';
  return { runs, connection };
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiGet } from '@/lib/query';
import { useLiveSocket } from '@/lib/use-live-socket';
import { ingestionKeys } from './query-keys';
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
 * The latest runs as they change: pushed by /ws/admin/ingestion (into the query cache), which reconnects with backoff
 * when it drops. Until it is back, GET /api/admin/ingest/runs is polled every 3 s so progress keeps moving; a failed
 * poll keeps what the page has and the next one tries again.
 */
export function useLiveRuns(): { runs: IngestionRun[] | null; connection: LiveConnection } {
  const queryClient = useQueryClient();
  const handleMessage = useCallback(
    (message: unknown) => {
      if (isRunsMessage(message)) queryClient.setQueryData(ingestionKeys.live(liveRunsLimit), message.runs);
    },
    [queryClient],
  );
  const { status: socket } = useLiveSocket({ path: liveRunsSocketPath, onMessage: handleMessage });
  const isPolling = socket === 'reconnecting' || socket === 'offline';

  const query = useQuery({
    queryKey: ingestionKeys.live(liveRunsLimit),
    queryFn: ({ signal }) => apiGet<IngestionRun[]>('/admin/ingest/runs', { params: { limit: liveRunsLimit }, signal }),
    // Only the polling reads it; the socket writes it.
    enabled: isPolling,
    staleTime: 0,
    retry: false,
    refetchInterval: isPolling ? runsPollIntervalMs : false,
  });

  const connection: LiveConnection = socket === 'open' ? 'live' : isPolling ? 'polling' : 'connecting';
  return { runs: query.data ?? null, connection };
}

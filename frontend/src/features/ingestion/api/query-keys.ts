import { queryRoots } from '@/lib/query-keys';

export const ingestionKeys = {
  sources: () => [...queryRoots.ingestion, 'sources'] as const,
  runs: () => [...queryRoots.ingestion, 'runs'] as const,
  history: (limit: number) => [...ingestionKeys.runs(), 'history', { limit }] as const,
  // What the live feed pushes, or (while it is down) the same number of runs polled.
  live: (limit: number) => [...ingestionKeys.runs(), 'live', { limit }] as const,
  daily: (days: number) => [...queryRoots.ingestion, 'daily', { days }] as const,
};

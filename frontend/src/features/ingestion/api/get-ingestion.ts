import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import { ingestionKeys } from './query-keys';
import type { DailyNewJobs, IngestionRun, IngestionSource } from './types';

export const runsHistoryLimit = 20;
export const dailyChartDays = 14;

/** GET /api/admin/ingest/sources: every source with its latest log and whether it is running. */
export function useIngestionSources() {
  return useQuery({
    queryKey: ingestionKeys.sources(),
    queryFn: ({ signal }) => apiGet<IngestionSource[]>('/admin/ingest/sources', { signal }),
  });
}

/** GET /api/admin/ingest/runs: past and running runs, newest first. */
export function useIngestionRuns() {
  return useQuery({
    queryKey: ingestionKeys.history(runsHistoryLimit),
    queryFn: ({ signal }) => apiGet<IngestionRun[]>('/admin/ingest/runs', { params: { limit: runsHistoryLimit }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** GET /api/admin/ingest/daily: new jobs per source per day. */
export function useDailyNewJobs() {
  return useQuery({
    queryKey: ingestionKeys.daily(dailyChartDays),
    queryFn: ({ signal }) => apiGet<DailyNewJobs[]>('/admin/ingest/daily', { params: { days: dailyChartDays }, signal }),
    placeholderData: keepPreviousData,
  });
}

import { useApiQuery } from '@/lib/use-api-query';
import type { DailyNewJobs, IngestionRun, IngestionSource } from './types';

export const runsHistoryLimit = 20;
export const dailyChartDays = 14;

/** GET /api/admin/ingest/sources: every source with its latest log and whether it is running. */
export function useIngestionSources() {
  return useApiQuery<IngestionSource[]>({ url: '/admin/ingest/sources' });
}

/** GET /api/admin/ingest/runs: past and running runs, newest first. */
export function useIngestionRuns() {
  return useApiQuery<IngestionRun[]>({ url: '/admin/ingest/runs', params: { limit: runsHistoryLimit } }, { keepPreviousData: true });
}

/** GET /api/admin/ingest/daily: new jobs per source per day. */
export function useDailyNewJobs() {
  return useApiQuery<DailyNewJobs[]>({ url: '/admin/ingest/daily', params: { days: dailyChartDays } }, { keepPreviousData: true });
}

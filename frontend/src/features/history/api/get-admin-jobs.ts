import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { JobDetails, Page } from '@/types/api';
import { historyKeys } from './query-keys';
import type { AdminJobFilters } from './types';

export const adminJobsPageSize = 10;

/** GET /api/admin/jobs: every job in any state, newest first (q matches the title). */
export function useAdminJobs({ skip, q, status, enrichmentStatus }: AdminJobFilters) {
  return useQuery({
    queryKey: historyKeys.adminJobList({ skip, q, status, enrichmentStatus }),
    queryFn: ({ signal }) =>
      apiGet<Page<JobDetails>>('/admin/jobs', {
        params: { skip, limit: adminJobsPageSize, q, status, enrichment_status: enrichmentStatus },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

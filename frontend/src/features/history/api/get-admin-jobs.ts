import { useApiQuery } from '@/lib/use-api-query';
import type { JobDetails, Page } from '@/types/api';
import type { AdminJobFilters } from './types';

export const adminJobsPageSize = 10;

/** GET /api/admin/jobs: every job in any state, newest first (q matches the title). */
export function useAdminJobs({ skip, q, status, enrichmentStatus }: AdminJobFilters) {
  return useApiQuery<Page<JobDetails>>(
    {
      url: '/admin/jobs',
      params: { skip, limit: adminJobsPageSize, q, status, enrichment_status: enrichmentStatus },
    },
    { keepPreviousData: true },
  );
}

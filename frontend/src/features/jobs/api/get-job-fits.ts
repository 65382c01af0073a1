import { useQuery } from '@tanstack/react-query';
import type { Fit } from '@/components/matching/fit';
import { useAuth } from '@/lib/auth';
import { apiGet } from '@/lib/query';
import type { Schemas } from '@/types/api';
import { jobKeys } from './query-keys';

export type JobFit = Schemas['JobFit'];

/**
 * GET /api/jobs/fit: the signed-in seeker's fit with each of these jobs, by job id, in one request for a whole page.
 * Only for seekers; a seeker without a resume gets no fits, and the cards show none.
 */
export function useJobFits(jobIds: string[]): ReadonlyMap<string, Fit> {
  const auth = useAuth();
  const ids = [...new Set(jobIds)].sort();
  const fits = useQuery({
    queryKey: jobKeys.fits(ids),
    queryFn: ({ signal }) =>
      apiGet<JobFit[]>(`/jobs/fit?${new URLSearchParams(ids.map((id) => ['job_id', id])).toString()}`, { signal }),
    enabled: auth.user?.role === 'seeker' && ids.length > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return new Map((fits.data ?? []).map((entry) => [entry.job_id, entry.fit]));
}

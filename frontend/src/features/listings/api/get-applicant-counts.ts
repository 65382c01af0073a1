import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import type { Schemas } from '@/types/api';

/** How many applicants (not withdrawn) each of the caller's listings has: GET /api/users/me/applicant-counts. */
export function useApplicantCounts() {
  const query = useQuery({
    queryKey: [...queryRoots.jobs, 'provider', 'applicant-counts'] as const,
    queryFn: ({ signal }) => apiGet<Schemas['ApplicantCount'][]>('/users/me/applicant-counts', { signal }),
  });
  return new Map((query.data ?? []).map((entry) => [entry.job_id, entry.count]));
}

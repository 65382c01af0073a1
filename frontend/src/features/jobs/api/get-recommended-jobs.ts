import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { Schemas } from '@/types/api';
import { jobKeys } from './query-keys';

export const recommendedLimit = 5;

/** GET /api/jobs/recommended: jobs closest to the seeker's resume. */
export type RecommendedJob = Schemas['RecommendedJob'];
export type RecommendedJobs = Schemas['RecommendedJobsResponse'];

/** Without a resume (yet) the answer is `has_resume: false` and no items: a normal state, not an error. */
export function useRecommendedJobs() {
  return useQuery({
    queryKey: jobKeys.recommended(),
    queryFn: ({ signal }) => apiGet<RecommendedJobs>('/jobs/recommended', { params: { limit: recommendedLimit }, signal }),
    staleTime: 5 * 60_000,
  });
}

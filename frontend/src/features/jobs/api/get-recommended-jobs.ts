import { useApiQuery } from '@/lib/use-api-query';
import type { JobFeedItem } from '@/types/api';

export const recommendedLimit = 5;

/** GET /api/jobs/recommended: jobs closest to the seeker's resume. */
export type RecommendedJob = {
  job: JobFeedItem;
  /** Cosine similarity of the resume and the job (0–1). */
  similarity_score: number;
};

/** 422 when the seeker has no resume (yet). */
export function useRecommendedJobs() {
  return useApiQuery<RecommendedJob[]>({ url: '/jobs/recommended', params: { limit: recommendedLimit } });
}

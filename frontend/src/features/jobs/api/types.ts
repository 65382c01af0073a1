import type { JobFeedItem } from '@/types/api';

/** GET /api/jobs/search: hybrid (keyword + semantic) hits, best first. */
export type JobSearchHit = {
  job: JobFeedItem;
  /** The fused rank score; higher is better. */
  score: number;
  /** Full-text rank; null when the job matched on meaning only. */
  keyword_score: number | null;
  /** Cosine similarity of the query and the job; null when it matched on keywords only. */
  semantic_score: number | null;
};

export type JobSearchResults = {
  query: string;
  items: JobSearchHit[];
};

import type { EnrichmentStatus, JobStatus } from '@/types/api';

/** An item of GET /api/admin/jobs/{id}/history: one event of the job's stream, oldest first. */
export type JobHistoryEvent = {
  /** 1 for the first event of the stream, then 2, 3… */
  version: number;
  /** Position in the whole event store. */
  sequence: number;
  /** e.g. "job_posted", "job_enriched", "job_embedded", "job_activated" */
  type: string;
  timestamp: string;
  /** The event as stored (embedding events carry a long `vector`). */
  data: unknown;
};

/** GET /api/admin/jobs/stats */
export type JobStats = {
  total_jobs: number;
  by_status: Record<JobStatus, number>;
  enrichment_failed: number;
  /** Jobs enriched by an AI call. */
  ai_calls_made: number;
  /** Jobs that copied the enrichment of an identical description instead of calling the AI. */
  ai_calls_saved: number;
};

/** POST /api/admin/jobs/reenrich → 202 */
export type ReenrichResponse = {
  queued: number;
  message: string;
};

/** POST /api/admin/embeddings/refresh → 202 */
export type EmbeddingsRefreshResponse = {
  model: string;
  jobs_queued: number;
  resumes_queued: number;
  message: string;
};

export type AdminJobFilters = {
  skip: number;
  q: string;
  status: JobStatus | '';
  enrichmentStatus: EnrichmentStatus | '';
};

import type { EnrichmentStatus, JobStatus, Schemas } from '@/types/api';

/** An AI enrichment as the job's history shows it (EnrichmentData). */
export type HistoryEnrichment = Schemas['EnrichmentData'];

/**
 * What a job event says (JobEventData in the OpenAPI document), keyed by the same stable `type` as its entry.
 * Embedding events carry the model and dimensions only, never the vector.
 */
export type JobEventData = Schemas['JobEventData'];

/** An item of GET /api/admin/jobs/{id}/history (JobHistoryEntry): one event of the job's stream, oldest first. Null `data`: an event type the API does not describe yet. */
export type JobHistoryEvent = Schemas['JobHistoryEntry'];

/** GET /api/admin/jobs/stats: ai_calls_saved counts jobs that copied the enrichment of an identical description. */
export type JobStats = Omit<Schemas['JobStats'], 'by_status'> & { by_status: Record<JobStatus, number> };

/** POST /api/admin/jobs/reenrich → 202 */
export type ReenrichResponse = Schemas['ReenrichmentQueued'];

/** POST /api/admin/embeddings/refresh → 202 */
export type EmbeddingsRefreshResponse = Schemas['EmbeddingsRefreshQueued'];

export type AdminJobFilters = {
  skip: number;
  q: string;
  status: JobStatus | '';
  enrichmentStatus: EnrichmentStatus | '';
};

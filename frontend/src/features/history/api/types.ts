import type { EnrichmentStatus, JobStatus } from '@/types/api';

/** An AI enrichment as the job's history shows it (EnrichmentData). */
export type HistoryEnrichment = {
  prep_questions: { question: string; answer_strategy: string }[];
  resume_tips: string[];
  skills: string[];
  salary: { currency: string; min: number; max: number; period: string; display: string };
  experience_level: string;
  qualification: string;
};

/**
 * What a job event says (JobEventData in the OpenAPI document), keyed by the same stable `type` as its entry.
 * Embedding events carry the model and dimensions only, never the vector.
 */
export type JobEventData =
  | {
      type: 'job_posted';
      job_id: string;
      posted_by: string;
      title: string;
      company_name: string;
      location: string | null;
      description_raw: string;
      skills_required: string[];
      description_hash: string;
      posted_at: string;
    }
  | {
      type: 'job_scraped';
      job_id: string;
      source: string;
      company_name: string;
      external_id: string;
      apply_url: string | null;
      title: string;
      location: string | null;
      description_raw: string;
      description_hash: string;
      posted_on: string | null;
      run_id: string | null;
      scraped_at: string;
    }
  | { type: 'job_enriched'; enrichment: HistoryEnrichment; ai_model: string; description_hash: string; enriched_at: string }
  | { type: 'job_embedded'; model: string; dimensions: number; description_hash: string; embedded_at: string }
  | {
      type: 'job_deduplicated';
      copied_from_job_id: string;
      description_hash: string;
      enrichment: HistoryEnrichment;
      ai_model: string;
      embedding_model: string;
      dimensions: number;
      deduplicated_at: string;
    }
  | { type: 'job_enrichment_failed'; attempt: number; reason: string; will_retry: boolean; failed_at: string }
  | { type: 'job_reenrichment_requested'; requested_by: string; requested_at: string }
  | { type: 'job_activated'; activated_at: string }
  | {
      type: 'job_updated';
      title: string;
      location: string | null;
      description_raw: string;
      skills_required: string[];
      description_hash: string;
      updated_by: string;
      updated_at: string;
    }
  | { type: 'job_seen_again'; run_id: string; seen_at: string }
  | { type: 'job_archived'; reason: string; archived_by: string | null; archived_at: string };

/** An item of GET /api/admin/jobs/{id}/history (JobHistoryEntry): one event of the job's stream, oldest first. */
export type JobHistoryEvent = {
  /** 1 for the first event of the stream, then 2, 3… */
  version: number;
  /** Position in the whole event store. */
  sequence: number;
  /** The stable event name, e.g. "job_posted", "job_enriched", "job_embedded", "job_activated". */
  type: string;
  timestamp: string;
  /** Null for an event type the API does not describe yet. */
  data: JobEventData | null;
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

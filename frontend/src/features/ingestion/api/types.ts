// Shapes of the admin ingestion API (snake_case, as the server sends them).

export type SourceName = 'deloitte' | 'pwc' | 'kpmg' | 'ey' | (string & {});

/** cancelled: an admin stopped the run; abandoned: the source's lease expired unrenewed and a later run took it over. */
export type RunStatus = 'running' | 'completed' | 'partial' | 'failed' | 'cancelled' | 'abandoned';

/** One source's scraping log within a run. */
export type ScrapingLog = {
  run_id: string;
  source_name: SourceName;
  status: RunStatus;
  jobs_fetched: number;
  jobs_new: number;
  jobs_skipped: number;
  dedup_hits: number;
  jobs_archived: number;
  errors: number;
  error_messages: string[];
  started_at: string;
  completed_at: string | null;
  /** Why the source failed, was cancelled or was abandoned. */
  status_reason?: string | null;
};

/** GET /api/admin/ingest/sources */
export type IngestionSource = {
  source_name: SourceName;
  company_name: string;
  last_run: ScrapingLog | null;
  running: boolean;
};

/** GET /api/admin/ingest/runs, and each run the live feed pushes. */
export type IngestionRun = {
  id: string;
  trigger: 'admin' | 'scheduled';
  triggered_by: string | null;
  status: RunStatus;
  sources: ScrapingLog[];
  started_at: string;
  completed_at: string | null;
  /** Why the run was cancelled. */
  status_reason?: string | null;
};

/** GET /api/admin/ingest/daily */
export type DailyNewJobs = {
  day: string;
  source_name: SourceName;
  jobs_new: number;
};

/** 202 from POST /api/admin/ingest/all and /api/admin/ingest/{source} */
export type RunAccepted = {
  message: string;
  run_id: string;
  status: 'processing_in_background';
};

/** 200 from POST /api/admin/ingest/runs/{id}/cancel */
export type RunCancelled = {
  run_id: string;
  status: 'cancelled';
  message: string;
};

/** The live feed's message: the latest runs, whenever anything changes. */
export type RunsMessage = { type: 'runs'; runs: IngestionRun[] };

// Shapes of the admin ingestion API, from the OpenAPI document (narrowed where the SPA switches on a value).
import type { Narrowed, Schemas } from '@/types/api';

export type SourceName = 'deloitte' | 'pwc' | 'kpmg' | 'ey' | (string & {});

/** cancelled: an admin stopped the run; abandoned: the source's lease expired unrenewed and a later run took it over. */
export type RunStatus = 'running' | 'completed' | 'partial' | 'failed' | 'cancelled' | 'abandoned';

/** One source's scraping log within a run; `status_reason` says why it failed, was cancelled or was abandoned. */
export type ScrapingLog = Narrowed<Schemas['ScrapingLog'], { source_name: SourceName; status: RunStatus }>;

/** GET /api/admin/ingest/sources */
export type IngestionSource = Narrowed<Schemas['SourceOverview'], { source_name: SourceName; last_run: ScrapingLog | null }>;

/** GET /api/admin/ingest/runs, and each run the live feed pushes; `status_reason` says why it was cancelled. */
export type IngestionRun = Narrowed<
  Schemas['IngestionRunLog'],
  { trigger: 'admin' | 'scheduled'; status: RunStatus; sources: ScrapingLog[] }
>;

/** GET /api/admin/ingest/daily */
export type DailyNewJobs = Narrowed<Schemas['DailyNewJobs'], { source_name: SourceName }>;

/** 202 from POST /api/admin/ingest/all and /api/admin/ingest/{source} */
export type RunAccepted = Narrowed<Schemas['RunAccepted'], { status: 'processing_in_background' }>;

/** 200 from POST /api/admin/ingest/runs/{id}/cancel */
export type RunCancelled = Narrowed<Schemas['RunCancelled'], { status: 'cancelled' }>;

/** The live feed's message: the latest runs, whenever anything changes (sockets are not in the OpenAPI document). */
export type RunsMessage = { type: 'runs'; runs: IngestionRun[] };

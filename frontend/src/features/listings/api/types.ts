import type { EnrichmentStatus, JobStatus } from '@/types/api';

/** An item of GET /api/jobs/provider: the caller's own postings, newest first. */
export type ProviderListing = {
  id: string;
  /** The job stream's version when the list was loaded: sent back as If-Match when archiving. */
  stream_version: number;
  owner_id: string;
  title: string;
  company_name: string;
  location: string | null;
  status: JobStatus;
  enrichment_status: EnrichmentStatus;
  last_enrichment_error: string | null;
  created_at: string;
  updated_at: string;
};

/** DELETE /api/jobs/{id} */
export type ArchiveJobResponse = {
  id: string;
  version: number;
  status: 'archived';
  message: string;
};

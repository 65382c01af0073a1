import type { EnrichmentStatus, JobStatus, Narrowed, Schemas } from '@/types/api';

/** An item of GET /api/jobs/provider: the caller's own postings, newest first; `stream_version` goes back as If-Match. */
export type ProviderListing = Narrowed<Schemas['ProviderListing'], { status: JobStatus; enrichment_status: EnrichmentStatus }>;

/** DELETE /api/jobs/{id} */
export type ArchiveJobResponse = Narrowed<Schemas['JobArchivedResponse'], { status: 'archived' }>;

import type { JobFeedItem, Schemas } from '@/types/api';

/** GET /api/jobs/search: hybrid (keyword + semantic) hits, best first. A null score: it matched on the other ranking only. */
export type JobSearchHit = Omit<Schemas['SearchHit'], 'job'> & { job: JobFeedItem };

export type JobSearchResults = Omit<Schemas['SearchResults'], 'items'> & { items: JobSearchHit[] };

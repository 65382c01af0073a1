import type { JobEventData, JobHistoryEvent } from './types';

const eventLabels: Record<string, string> = {
  job_posted: 'Posted',
  job_scraped: 'Scraped from a career site',
  job_enriched: 'Enriched by the AI',
  job_embedded: 'Embedded for search',
  job_deduplicated: 'Enrichment copied from an identical job',
  job_enrichment_failed: 'Enrichment failed',
  job_reenrichment_requested: 'Re-enrichment requested',
  job_activated: 'Activated',
  job_updated: 'Edited',
  job_seen_again: 'Seen again on the career site',
  job_archived: 'Archived',
};

/** "job_enrichment_failed" → "Enrichment failed"; a stable name without a label becomes sentence case. */
export function eventLabel(type: string): string {
  const known = eventLabels[type];
  if (known) return known;
  const words = type.replace(/_+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : type;
}

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'brand';

/** A colour for the timeline dot and badge. */
export function eventTone(type: string): Tone {
  if (type.endsWith('failed')) return 'danger';
  if (type === 'job_activated') return 'success';
  if (type === 'job_archived') return 'neutral';
  if (type === 'job_enriched' || type === 'job_deduplicated' || type === 'job_embedded') return 'brand';
  if (type === 'job_posted' || type === 'job_scraped') return 'info';
  return 'warning';
}

/** One line about what the event says, when there is something worth showing. */
export function eventSummary({ data }: JobHistoryEvent): string | null {
  switch (data?.type) {
    case 'job_posted':
    case 'job_scraped':
    case 'job_updated':
      return `“${data.title}”`;
    case 'job_enriched':
      return `Model ${data.ai_model}`;
    case 'job_embedded':
      return `${data.model} · ${data.dimensions} dimensions`;
    case 'job_deduplicated':
      return `Copied from ${data.copied_from_job_id} — no AI call`;
    case 'job_enrichment_failed':
      return [`Attempt ${data.attempt}`, data.reason, data.will_retry ? 'will retry' : null].filter(Boolean).join(' · ');
    case 'job_archived':
      return data.reason;
    default:
      return null;
  }
}

/** Pretty JSON of what the event says; an event type the API does not describe yet has no data. */
export function formatEventData(data: JobEventData | null): string {
  return data ? JSON.stringify(data, null, 2) : 'No details for this kind of event yet.';
}

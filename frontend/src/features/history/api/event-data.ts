import type { JobHistoryEvent } from './types';

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

/** "job_enrichment_failed" → "Enrichment failed"; unknown types become sentence case. */
export function eventLabel(type: string): string {
  const known = eventLabels[type];
  if (known) return known;
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
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
export function eventSummary({ type, data }: JobHistoryEvent): string | null {
  const d = (data ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);
  switch (type) {
    case 'job_posted':
    case 'job_scraped':
    case 'job_updated':
      return text(d.title) && `“${d.title}”`;
    case 'job_enriched':
      return text(d.ai_model) && `Model ${d.ai_model}`;
    case 'job_embedded': {
      const dimensions = text(d.dimensions) ?? (Array.isArray(d.vector) ? String(d.vector.length) : null);
      return [text(d.model), dimensions && `${dimensions} dimensions`].filter(Boolean).join(' · ') || null;
    }
    case 'job_deduplicated':
      return text(d.copied_from_job_id) && `Copied from ${d.copied_from_job_id} — no AI call`;
    case 'job_enrichment_failed':
      return [text(d.attempt) && `Attempt ${d.attempt}`, text(d.reason), d.will_retry === true ? 'will retry' : null]
        .filter(Boolean)
        .join(' · ');
    case 'job_archived':
      return text(d.reason);
    default:
      return null;
  }
}

/** Arrays of numbers at least this long are shown as "384 numbers" rather than in full. */
export const collapsedVectorLength = 16;
const vectorMarker = '__collapsed_vector__:';

function isVector(value: unknown): value is number[] {
  return (
    Array.isArray(value) && value.length >= collapsedVectorLength && value.every((item) => typeof item === 'number')
  );
}

/** Pretty JSON of an event's data, with embedding vectors collapsed to `[384 numbers]`. */
export function formatEventData(data: unknown): string {
  const json = JSON.stringify(data, (_key, value: unknown) => (isVector(value) ? `${vectorMarker}${value.length}` : value), 2);
  if (json === undefined) return String(data);
  return json.replace(new RegExp(`"${vectorMarker}(\\d+)"`, 'g'), '[$1 numbers]');
}

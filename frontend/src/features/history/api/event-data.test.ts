import { describe, expect, it } from 'vitest';
import { eventLabel, eventSummary, formatEventData } from './event-data';
import type { JobHistoryEvent } from './types';

const entry = (data: JobHistoryEvent['data'], type = data?.type ?? 'job_salary_guessed'): JobHistoryEvent => ({
  version: 3,
  sequence: 9,
  type,
  timestamp: '2025-06-01T09:00:00Z',
  data,
});

describe('history event data', () => {
  it('gives stable event names readable labels', () => {
    expect(eventLabel('job_posted')).toBe('Posted');
    expect(eventLabel('job_embedded')).toBe('Embedded for search');
    expect(eventLabel('job_enrichment_failed')).toBe('Enrichment failed');
    expect(eventLabel('job_salary_guessed')).toBe('Job salary guessed');
  });

  it('sums up what an event says from its typed data', () => {
    expect(
      eventSummary(entry({ type: 'job_enrichment_failed', attempt: 2, reason: 'Timed out', will_retry: true, failed_at: '2025-06-01T09:00:00Z' })),
    ).toBe('Attempt 2 · Timed out · will retry');
    expect(
      eventSummary(entry({ type: 'job_embedded', model: 'all-MiniLM-L6-v2', dimensions: 384, description_hash: 'h', embedded_at: '2025-06-01T09:00:00Z' })),
    ).toBe('all-MiniLM-L6-v2 · 384 dimensions');
    expect(eventSummary(entry({ type: 'job_activated', activated_at: '2025-06-01T09:00:00Z' }))).toBeNull();
  });

  it('shows an event type the API does not describe yet without data', () => {
    const unknown = entry(null, 'job_salary_guessed');
    expect(eventSummary(unknown)).toBeNull();
    expect(formatEventData(unknown.data)).toBe('No details for this kind of event yet.');
  });

  it('pretty-prints the data', () => {
    const json = formatEventData({ type: 'job_archived', reason: 'Filled', archived_by: null, archived_at: '2025-06-01T09:00:00Z' });
    expect(JSON.parse(json)).toEqual({ type: 'job_archived', reason: 'Filled', archived_by: null, archived_at: '2025-06-01T09:00:00Z' });
    expect(json).toContain('\n  "reason": "Filled"');
  });
});

import { describe, expect, it } from 'vitest';
import { eventLabel, eventSummary, formatEventData } from './event-data';

describe('history event data', () => {
  it('collapses embedding vectors, wherever they are, to a count', () => {
    const vector = Array.from({ length: 384 }, (_, index) => index / 1000);
    const json = formatEventData({ model: 'all-MiniLM-L6-v2', dimensions: 384, vector, nested: { vector } });

    expect(json).toContain('"vector": [384 numbers]');
    expect(json.match(/\[384 numbers\]/g)).toHaveLength(2);
    expect(json).not.toContain('0.123');
    expect(JSON.parse(json.replaceAll('[384 numbers]', 'null'))).toMatchObject({ model: 'all-MiniLM-L6-v2', dimensions: 384 });
  });

  it('keeps short arrays and non-numeric arrays as they are', () => {
    const json = formatEventData({ skills: ['Node.js', 'SQL'], salary: [1, 2, 3] });
    expect(JSON.parse(json)).toEqual({ skills: ['Node.js', 'SQL'], salary: [1, 2, 3] });
  });

  it('gives event types readable labels', () => {
    expect(eventLabel('job_posted')).toBe('Posted');
    expect(eventLabel('job_embedded')).toBe('Embedded for search');
    expect(eventLabel('job_enrichment_failed')).toBe('Enrichment failed');
    expect(eventLabel('job_salary_guessed')).toBe('Job salary guessed');
    expect(eventLabel('JobSalaryGuessed')).toBe('Job salary guessed');
  });

  it('sums up what an event says', () => {
    expect(
      eventSummary({ version: 3, sequence: 9, type: 'job_enrichment_failed', timestamp: '', data: { attempt: 2, reason: 'Timed out', will_retry: true } }),
    ).toBe('Attempt 2 · Timed out · will retry');
    expect(eventSummary({ version: 1, sequence: 1, type: 'job_activated', timestamp: '', data: {} })).toBeNull();
  });
});

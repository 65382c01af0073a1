import { describe, expect, it } from 'vitest';
import { filtersFromParams, resultsPath } from './saved-searches';

describe('saved searches', () => {
  it('saves Browse URL filters under the feed names, lists split, without the sort or paging', () => {
    const params = new URLSearchParams('q=audit&location=Pune&job_type=internship,full_time&min_salary=300000&sort=salary&cursor=abc');

    expect(filtersFromParams(params)).toEqual({ q: 'audit', location: 'Pune', job_type: ['internship', 'full_time'], min_salary: 300000 });
  });

  it('opens a browse search on Browse with its filters and a smart one on Smart search', () => {
    expect(resultsPath({ kind: 'browse', filters: { q: 'audit', work_mode: ['remote'] }, question: null })).toBe('/jobs?q=audit&work_mode=remote');
    expect(resultsPath({ kind: 'smart', filters: null, question: 'nurse jobs in Pune' })).toBe('/jobs?mode=smart&ask=nurse+jobs+in+Pune');
    expect(resultsPath({ kind: 'recommended', filters: null, question: null })).toBe('/jobs');
  });

  it('a browse search that round-trips through the URL keeps its filters', () => {
    const filters = { q: 'tax', company: 'Alpha & Co', experience: ['entry', 'early'], posted_within_days: 7 };
    const path = resultsPath({ kind: 'browse', filters, question: null });

    expect(filtersFromParams(new URL(path, 'http://x').searchParams)).toEqual(filters);
  });
});

import { describe, expect, it } from 'vitest';
import type { SourceView } from './merge-runs';
import { groupByPlatform } from './platforms';

const view = (source_name: string, platform: string): SourceView => ({
  source: { source_name, company_name: source_name.toUpperCase(), platform, last_run: null, running: false },
  log: null,
  running: false,
});

describe('groupByPlatform', () => {
  it('groups the sources by platform in the page order, keeping each platform’s sources in their order', () => {
    const groups = groupByPlatform([
      view('deloitte', 'avature'),
      view('postman', 'greenhouse'),
      view('pwc', 'workday'),
      view('phonepe', 'greenhouse'),
      view('ey', 'successfactors'),
      view('kpmg', 'oracle-hcm'),
      view('custom', 'other'),
    ]);

    expect(groups.map((group) => [group.label, group.views.map((v) => v.source.source_name)])).toEqual([
      ['Avature', ['deloitte']],
      ['Workday', ['pwc']],
      ['Oracle HCM', ['kpmg']],
      ['Greenhouse', ['postman', 'phonepe']],
      ["EY's own site (SuccessFactors)", ['ey']],
      ['other', ['custom']],
    ]);
  });
});

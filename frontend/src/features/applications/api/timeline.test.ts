import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@/lib/applications';
import { stateAt } from './timeline';

const entry = (version: number, kind: string, stage: TimelineEntry['stage'] = null, actor: TimelineEntry['actor'] = 'seeker'): TimelineEntry => ({
  version, at: '2026-11-20T09:00:00Z', kind, stage, note: null, actor, round_at: null,
});

describe('replaying an application', () => {
  const timeline = [
    entry(1, 'job_saved', 'saved'),
    entry(2, 'job_unsaved'),
    entry(3, 'job_saved', 'saved'),
    entry(4, 'application_recorded', 'applied'),
    entry(5, 'note_added'),
    entry(6, 'provider_moved_application', 'interviewing', 'provider'),
    entry(7, 'interview_round_recorded', 'interviewing'),
  ];

  it('keeps the last stage recorded up to the version, and an unsaved job off the tracker', () => {
    expect(stateAt(timeline, 1).stage).toBe('saved');
    expect(stateAt(timeline, 2).stage).toBeNull();
    expect(stateAt(timeline, 5)).toEqual({ stage: 'applied', rounds: 0, events: 5 });
  });

  it('counts the employer’s move to interviewing and each recorded round', () => {
    expect(stateAt(timeline, 7)).toEqual({ stage: 'interviewing', rounds: 2, events: 7 });
  });
});

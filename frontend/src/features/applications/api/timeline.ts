import type { TimelineEntry } from '@/lib/applications';

/**
 * The application as it stood after `version`: the last stage recorded by then and the interview rounds so far (the
 * seeker's recorded rounds and the employer's moves to interviewing).
 */
export function stateAt(timeline: TimelineEntry[], version: number) {
  const upTo = timeline.filter((entry) => entry.version <= version);
  // Unsaving takes the job off the tracker until it is saved again (the same stream goes on).
  const stage = upTo.reduce<string | null>((current, entry) => (entry.kind === 'job_unsaved' ? null : (entry.stage ?? current)), null);
  const rounds = upTo.filter(
    (entry) => entry.kind === 'interview_round_recorded' || (entry.kind === 'provider_moved_application' && entry.stage === 'interviewing'),
  ).length;
  return { stage, rounds, events: upTo.length };
}

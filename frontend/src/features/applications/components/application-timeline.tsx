import { useId, useState } from 'react';
import { applicationStageLabel, type TimelineEntry } from '@/lib/applications';
import { stateAt } from '../api/timeline';
import { formatDateTime } from '@/lib/format';

const kindLabels: Record<string, string> = {
  job_saved: 'Saved the job',
  job_unsaved: 'Removed from the tracker',
  application_recorded: 'Applied',
  interview_round_recorded: 'Interview round',
  offer_received: 'Offer received',
  application_rejected: 'Rejected',
  application_withdrawn: 'Withdrawn',
  note_added: 'Note',
  reminder_scheduled: 'Reminder set',
  reminder_delivered: 'Reminder sent',
  reminder_cancelled: 'Reminder cancelled',
  provider_moved_application: 'Moved by the employer',
};

const actorLabels: Record<TimelineEntry['actor'], string> = { seeker: 'You', provider: 'The employer', system: 'Ottobon' };

function timelineKindLabel(kind: string): string {
  return kindLabels[kind] ?? kind.replaceAll('_', ' ');
}

/**
 * Every event of the application, oldest first, replayable like the admin's job history: the slider (or a "Show"
 * on an event) picks a version and the summary above says where the application stood then.
 */
export function ApplicationTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  const sliderId = useId();
  const latest = timeline.at(-1)?.version ?? 0;
  const first = timeline[0]?.version ?? 0;
  const [picked, setPicked] = useState<number | null>(null);
  const version = picked ?? latest;
  const state = stateAt(timeline, version);

  if (timeline.length === 0) return <p className="text-sm text-slate-600">No events yet.</p>;
  return (
    <div className="space-y-4">
      {timeline.length > 1 && (
        <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
          <label htmlFor={sliderId} className="block text-sm font-medium text-slate-700">
            Replay: the application at version {version} of {latest}
          </label>
          <input
            id={sliderId}
            type="range"
            min={first}
            max={latest}
            step={1}
            value={version}
            onChange={(event) => setPicked(Number(event.target.value))}
            className="mt-2 w-full accent-indigo-600"
          />
          <p aria-live="polite" className="mt-1 text-sm text-slate-700">
            After {state.events} {state.events === 1 ? 'event' : 'events'}: {state.stage ? applicationStageLabel(state.stage) : 'not on the tracker'}
            {state.rounds > 0 && `, ${state.rounds} interview ${state.rounds === 1 ? 'round' : 'rounds'}`}.
          </p>
        </div>
      )}
      <ol className="space-y-2" aria-label="Timeline, oldest first">
        {timeline.map((entry) => {
          const current = entry.version === version;
          const future = entry.version > version;
          return (
            <li
              key={entry.version}
              aria-current={current ? 'step' : undefined}
              className={`rounded-lg px-3 py-2 ring-1 ${current ? 'bg-indigo-50 ring-indigo-200' : 'bg-white ring-slate-200'} ${future ? 'opacity-80' : ''}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <p className="text-sm font-semibold text-slate-900">
                  {timelineKindLabel(entry.kind)}
                  {entry.stage && entry.kind === 'provider_moved_application' && ` → ${applicationStageLabel(entry.stage)}`}
                </p>
                <button
                  type="button"
                  onClick={() => setPicked(entry.version)}
                  className="rounded text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  Show version {entry.version}
                </button>
              </div>
              <p className="text-xs text-slate-600">
                {actorLabels[entry.actor] ?? entry.actor} · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                {entry.round_at && <> · interview on <time dateTime={entry.round_at}>{formatDateTime(entry.round_at)}</time></>}
              </p>
              {entry.note && <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-700">{entry.note}</p>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

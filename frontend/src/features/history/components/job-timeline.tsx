import { ChevronRight } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { eventLabel, eventSummary, eventTone, formatEventData } from '../api/event-data';
import type { JobHistoryEvent } from '../api/types';

type JobTimelineProps = {
  events: JobHistoryEvent[];
  currentVersion: number;
  onShowVersion: (version: number) => void;
};

const dotColours = {
  neutral: 'bg-slate-400',
  info: 'bg-sky-500',
  success: 'bg-emerald-500',
  warning: 'bg-amber-500',
  danger: 'bg-red-500',
  brand: 'bg-indigo-500',
} as const;

/** Every event of the job, oldest first, each with its data (vectors collapsed) behind a disclosure. */
export function JobTimeline({ events, currentVersion, onShowVersion }: JobTimelineProps) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="mb-3 text-lg font-semibold text-slate-900">
        Timeline
      </h2>
      <ol aria-label="Events" className="relative space-y-3 border-l-2 border-slate-200 pl-6">
        {events.map((event) => {
          const isCurrent = event.version === currentVersion;
          const summary = eventSummary(event);
          const tone = eventTone(event.type);
          return (
            <li
              key={`${event.version}-${event.sequence}`}
              aria-current={isCurrent ? 'step' : undefined}
              className={`relative rounded-xl bg-white p-4 shadow-sm ring-1 ${isCurrent ? 'ring-2 ring-indigo-500' : 'ring-slate-900/5'}`}
            >
              <span
                aria-hidden="true"
                className={`absolute top-5 -left-[1.95rem] size-3 rounded-full ring-4 ring-slate-50 ${dotColours[tone]}`}
              />
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone="neutral">v{event.version}</Badge>
                    <span className="font-semibold text-slate-900">{eventLabel(event.type)}</span>
                    <span className="font-mono text-xs text-slate-500">{event.type}</span>
                  </p>
                  <p className="mt-1 text-xs text-slate-500">
                    <time dateTime={event.timestamp}>{formatDateTime(event.timestamp)}</time> · sequence {event.sequence}
                  </p>
                  {summary && <p className="mt-1 text-sm break-words text-slate-700">{summary}</p>}
                </div>
                {!isCurrent && (
                  <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onShowVersion(event.version)}>
                    Show state at v{event.version}
                  </Button>
                )}
              </div>
              <details className="group mt-3">
                <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded text-xs font-semibold text-indigo-700 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
                  <ChevronRight aria-hidden="true" className="size-3.5 transition-transform group-open:rotate-90" />
                  Event data
                </summary>
                <pre className="mt-2 max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
                  {formatEventData(event.data)}
                </pre>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import { RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import { runDuration, runStatusLabel, type SourceView } from '../api/merge-runs';
import { type SyncFeedback, syncFeedback, useTriggerIngestion } from '../api/trigger-ingestion';
import type { ScrapingLog } from '../api/types';
import { RunStatusBadge } from './run-status-badge';
import { SyncFeedbackAlert } from './sync-feedback';

type SourceCardProps = SourceView & {
  /** A run for this source was accepted (202); the page follows it until the feed reports it. */
  onStarted: (source: string, runId: string) => void;
};

/** One source: its latest run (status, counts, time, errors) and a Sync button that is off while it runs. */
export function SourceCard({ source, log, running, onStarted }: SourceCardProps) {
  const titleId = useId();
  const trigger = useTriggerIngestion();
  const [feedback, setFeedback] = useState<SyncFeedback | null>(null);
  const company = source.company_name;

  const handleSync = async () => {
    setFeedback(null);
    const result = await trigger.mutateAsync(source.source_name);
    if (result.outcome === 'started') onStarted(source.source_name, result.runId);
    setFeedback(syncFeedback(result, { started: `Sync started for ${company}.`, alreadyRunning: `${company} is already running.` }));
  };

  const status = running ? 'running' : log?.status;

  return (
    <article aria-labelledby={titleId} className="flex flex-col rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={titleId} className="text-base font-semibold text-slate-900">
            {company}
          </h3>
          <p className="text-xs text-slate-500">
            Source <code className="font-mono">{source.source_name}</code>
          </p>
        </div>
        {status ? <RunStatusBadge status={status} /> : <Badge>Never synced</Badge>}
      </div>

      {/* Announced when the status changes, not on every count. */}
      <p className="sr-only" aria-live="polite">
        {status === 'running' ? `${company}: sync running.` : log ? `${company}: ${runStatusLabel(log.status)}, ${log.jobs_new} new jobs.` : ''}
      </p>

      {running && (
        <div
          role="progressbar"
          aria-label={`${company} sync in progress`}
          aria-valuetext={log?.status === 'running' ? `${log.jobs_fetched} fetched, ${log.jobs_new} new` : 'Starting'}
          className="mt-4 h-1.5 overflow-hidden rounded-full bg-sky-100"
        >
          <div className="h-full w-1/3 animate-indeterminate rounded-full bg-sky-500 motion-reduce:w-full motion-reduce:animate-none motion-reduce:opacity-60" />
        </div>
      )}

      {log ? <LogDetails log={log} /> : <p className="mt-4 text-sm text-slate-600">This source hasn't been synced yet.</p>}

      {feedback && <SyncFeedbackAlert feedback={feedback} className="mt-4" />}

      <div className="mt-auto pt-4">
        <Button variant="secondary" onClick={handleSync} disabled={running} isLoading={trigger.isPending} aria-label={`Sync ${company}`}>
          <RefreshCw aria-hidden="true" className={`size-4 ${running ? 'animate-spin motion-reduce:animate-none' : ''}`} />
          Sync
        </Button>
      </div>
    </article>
  );
}

const counts: { key: keyof ScrapingLog; label: string }[] = [
  { key: 'jobs_fetched', label: 'Fetched' },
  { key: 'jobs_new', label: 'New' },
  { key: 'jobs_skipped', label: 'Skipped' },
  { key: 'dedup_hits', label: 'Duplicates' },
  { key: 'jobs_archived', label: 'Archived' },
  { key: 'errors', label: 'Errors' },
];

function LogDetails({ log }: { log: ScrapingLog }) {
  const duration = runDuration(log.started_at, log.completed_at);
  const errorCount = Math.max(log.errors, log.error_messages.length);

  return (
    <>
      <dl className="mt-4 grid grid-cols-3 gap-x-3 gap-y-2 text-center">
        {counts.map(({ key, label }) => (
          <div key={key} className="rounded-lg bg-slate-50 px-2 py-1.5">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className={`text-lg font-semibold tabular-nums ${key === 'errors' && errorCount > 0 ? 'text-red-700' : 'text-slate-900'}`}>
              {formatNumber(Number(log[key]) || 0)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        Started{' '}
        <time dateTime={log.started_at} title={formatDateTime(log.started_at)}>
          {formatRelative(log.started_at)}
        </time>
        {duration ? ` · took ${duration}` : log.status === 'running' ? ' · still running' : ''}
      </p>
      {(log.status === 'cancelled' || log.status === 'abandoned') && log.status_reason && (
        <p className="mt-2 text-sm text-slate-700">{log.status_reason}</p>
      )}
      {log.listing_complete === false && log.status !== 'running' && (
        <p className="mt-2 text-sm text-slate-700">The listing was not read to its end (the per-run limit), so no job was archived.</p>
      )}
      <SkippedPostings log={log} />
      {log.error_messages.length > 0 && (
        <details className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
          <summary className="cursor-pointer font-medium">
            {log.error_messages.length === 1 ? '1 error' : `${log.error_messages.length} errors`}
          </summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 break-words">
            {log.error_messages.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Which postings the filters left out, and why: a native disclosure, so keyboards and screen readers open it as a button. */
function SkippedPostings({ log }: { log: ScrapingLog }) {
  const skipped = log.skipped_postings ?? [];
  if (skipped.length === 0) return null;
  const more = log.skipped_not_listed ?? 0;
  const total = skipped.length + more;

  return (
    <details className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800">
      <summary className="cursor-pointer font-medium">{total === 1 ? '1 posting skipped' : `${formatNumber(total)} postings skipped`}</summary>
      <ul className="mt-2 space-y-1.5 break-words" aria-label={`Postings skipped by the filters`}>
        {skipped.map((posting) => (
          <li key={posting.external_id}>
            <span className="font-medium">{posting.title}</span>
            {posting.location && <span className="text-slate-500"> · {posting.location}</span>}
            <span className="block text-slate-600">{posting.reason}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="mt-2 text-slate-600">…and {formatNumber(more)} more, not listed here.</p>}
    </details>
  );
}

import { Ban } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime, formatRelative } from '@/lib/format';
import { runDuration } from '../api/merge-runs';
import type { IngestionRun, ScrapingLog } from '../api/types';
import { RunStatusBadge } from './run-status-badge';

type RunsTableProps = {
  runs: IngestionRun[];
  /** source_name → company, for readable names. */
  companyOf: (source: string) => string;
  labelledBy: string;
  /** Cancels a running run; `cancelling` is the run being cancelled, if any. */
  onCancel: (run: IngestionRun) => void;
  cancelling: string | null;
};

/**
 * Past and running runs, newest first: when, who started it, how it went per source (with the reason a source
 * failed, was cancelled or abandoned), how long it took, and a Cancel button while it runs.
 */
export function RunsTable({ runs, companyOf, labelledBy, onCancel, cancelling }: RunsTableProps) {
  // relative: the header's sr-only text is absolutely positioned, and would otherwise escape the scroll box and
  // scroll the whole page sideways on a phone.
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll box must be focusable so a keyboard can scroll it sideways on a phone (axe: scrollable-region-focusable)
    <div tabIndex={0} role="region" aria-labelledby={labelledBy} className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600">
      <table aria-labelledby={labelledBy} className="min-w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase">
            <th scope="col" className="py-2 pr-4 font-medium">
              Started
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Trigger
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Sources
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Duration
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-b border-slate-100 align-top">
              <td className="py-3 pr-4 whitespace-nowrap">
                <time dateTime={run.started_at} title={formatDateTime(run.started_at)}>
                  {formatRelative(run.started_at)}
                </time>
              </td>
              <td className="py-3 pr-4">
                <Badge tone={run.trigger === 'admin' ? 'brand' : 'neutral'}>{run.trigger === 'admin' ? 'Admin' : 'Scheduled'}</Badge>
              </td>
              <td className="py-3 pr-4">
                <RunStatusBadge status={run.status} />
                {run.status_reason && <p className="mt-1 max-w-xs text-xs text-slate-600">{run.status_reason}</p>}
              </td>
              <td className="py-3 pr-4">
                <ul className="space-y-1">
                  {run.sources.map((log) => (
                    <li key={log.source_name} className="flex flex-wrap items-baseline gap-x-2">
                      <span className="font-medium text-slate-900">{companyOf(log.source_name)}</span>
                      <span className="text-slate-600 tabular-nums">{sourceCounts(log)}</span>
                      {log.status !== run.status && <RunStatusBadge status={log.status} />}
                      {log.status_reason && log.status_reason !== run.status_reason && (
                        <span className="basis-full text-xs text-slate-600">{log.status_reason}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-3 pr-4 whitespace-nowrap tabular-nums">{runDuration(run.started_at, run.completed_at) ?? 'Running'}</td>
              <td className="py-3">
                {run.status === 'running' && (
                  <Button
                    variant="secondary"
                    className="px-3 py-1"
                    onClick={() => onCancel(run)}
                    isLoading={cancelling === run.id}
                    disabled={cancelling !== null}
                    aria-label={`Cancel the run started ${formatDateTime(run.started_at)}`}
                  >
                    <Ban aria-hidden="true" className="size-4" />
                    Cancel
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sourceCounts(log: ScrapingLog): string {
  const parts = [`${log.jobs_fetched} fetched`, `${log.jobs_new} new`];
  if (log.dedup_hits) parts.push(`${log.dedup_hits} duplicates`);
  if (log.jobs_skipped) parts.push(`${log.jobs_skipped} skipped`);
  if (log.jobs_archived) parts.push(`${log.jobs_archived} archived`);
  if (log.errors) parts.push(`${log.errors} ${log.errors === 1 ? 'error' : 'errors'}`);
  return parts.join(' · ');
}

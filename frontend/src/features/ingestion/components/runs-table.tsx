import { Badge } from '@/components/ui/badge';
import { formatDateTime, formatRelative } from '@/lib/format';
import { runDuration } from '../api/merge-runs';
import type { IngestionRun, ScrapingLog } from '../api/types';
import { RunStatusBadge } from './run-status-badge';

type RunsTableProps = {
  runs: IngestionRun[];
  /** source_name → company, for readable names. */
  companyOf: (source: string) => string;
  labelledBy: string;
};

/** Past and running runs, newest first: when, who started it, how it went per source, and how long it took. */
export function RunsTable({ runs, companyOf, labelledBy }: RunsTableProps) {
  return (
    <div className="overflow-x-auto">
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
            <th scope="col" className="py-2 font-medium">
              Duration
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
              </td>
              <td className="py-3 pr-4">
                <ul className="space-y-1">
                  {run.sources.map((log) => (
                    <li key={log.source_name} className="flex flex-wrap items-baseline gap-x-2">
                      <span className="font-medium text-slate-900">{companyOf(log.source_name)}</span>
                      <span className="text-slate-600 tabular-nums">{sourceCounts(log)}</span>
                      {log.status !== run.status && <RunStatusBadge status={log.status} />}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-3 whitespace-nowrap tabular-nums">{runDuration(run.started_at, run.completed_at) ?? 'Running'}</td>
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

import type { IngestionRun, IngestionSource, RunStatus, ScrapingLog } from './types';

const statusLabels: Record<RunStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  partial: 'Partial',
  failed: 'Failed',
  cancelled: 'Cancelled',
  abandoned: 'Abandoned',
};

export function runStatusLabel(status: RunStatus): string {
  return statusLabels[status] ?? status;
}

const time = (iso: string) => new Date(iso).getTime() || 0;

/** The loaded history with the live runs laid over it (a live run replaces its older copy), newest first. */
export function mergeRuns(history: IngestionRun[] | undefined, live: IngestionRun[] | null): IngestionRun[] {
  const byId = new Map<string, IngestionRun>();
  for (const run of history ?? []) byId.set(run.id, run);
  for (const run of live ?? []) byId.set(run.id, run);
  return [...byId.values()].sort((a, b) => time(b.started_at) - time(a.started_at));
}

/** Each source's most recent log in these runs. */
export function latestLogBySource(runs: IngestionRun[]): Map<string, ScrapingLog> {
  const latest = new Map<string, ScrapingLog>();
  for (const run of runs) {
    for (const log of run.sources) {
      const known = latest.get(log.source_name);
      if (!known || time(log.started_at) > time(known.started_at)) latest.set(log.source_name, log);
    }
  }
  return latest;
}

export type SourceView = {
  source: IngestionSource;
  /** The newest log we know of: from the live feed when it is at least as new as the page's first load. */
  log: ScrapingLog | null;
  running: boolean;
};

/**
 * What each source card shows. `startedRuns` are runs this page started (source → run id): until such a run
 * shows up among the known runs, its source counts as running (the feed may not have reported it yet).
 */
export function sourceViews(
  sources: IngestionSource[],
  runs: IngestionRun[],
  startedRuns: Record<string, string>,
): SourceView[] {
  const liveLogs = latestLogBySource(runs);
  const knownRunIds = new Set(runs.map((run) => run.id));
  return sources.map((source) => {
    const fromRuns = liveLogs.get(source.source_name);
    const loaded = source.last_run;
    const useRuns = fromRuns !== undefined && (!loaded || time(fromRuns.started_at) >= time(loaded.started_at));
    const log = (useRuns ? fromRuns : loaded) ?? null;
    const started = startedRuns[source.source_name];
    const waitingForStartedRun = started !== undefined && !knownRunIds.has(started) && log?.run_id !== started;
    const running = log?.status === 'running' || (!useRuns && source.running) || waitingForStartedRun;
    return { source, log, running };
  });
}

/** "45 s", "2 min 5 s", "1 h 3 min"; null while the run is going. */
export function runDuration(startedAt: string, completedAt: string | null): string | null {
  if (!completedAt) return null;
  return formatDuration(time(completedAt) - time(startedAt));
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

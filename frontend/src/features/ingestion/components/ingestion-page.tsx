import { BarChart3, History, RefreshCw, Wifi, WifiOff } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FullPageSpinner, Spinner } from '@/components/ui/spinner';
import { dailyChartDays, useDailyNewJobs, useIngestionRuns, useIngestionSources } from '../api/get-ingestion';
import { useCancelRun } from '../api/cancel-run';
import { mergeRuns, sourceViews } from '../api/merge-runs';
import { groupByPlatform } from '../api/platforms';
import { type SyncFeedback, syncFeedback, useTriggerIngestion } from '../api/trigger-ingestion';
import type { IngestionRun } from '../api/types';
import { type LiveConnection, runsPollIntervalMs, useLiveRuns } from '../api/use-live-runs';
import { DailyNewJobsChart } from './daily-new-jobs-chart';
import { RunsTable } from './runs-table';
import { SourceCard } from './source-card';
import { SyncFeedbackAlert } from './sync-feedback';

/**
 * Admins bring in jobs from the employers' career sites: one card per source, grouped by the platform its site
 * runs on, with its latest run and a Sync button, live progress over a WebSocket (polling while it is down),
 * past runs, and new jobs per day.
 */
export function IngestionPage() {
  const sources = useIngestionSources();
  const history = useIngestionRuns();
  const daily = useDailyNewJobs();
  const live = useLiveRuns();
  const syncAll = useTriggerIngestion();
  const cancel = useCancelRun();
  const [startedRuns, setStartedRuns] = useState<Record<string, string>>({});
  const [isStartingAll, setStartingAll] = useState(false);
  const [feedback, setFeedback] = useState<SyncFeedback | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [cancelFeedback, setCancelFeedback] = useState<SyncFeedback | null>(null);

  const runs = useMemo(() => mergeRuns(history.data, live.runs), [history.data, live.runs]);
  const views = useMemo(() => sourceViews(sources.data ?? [], runs, startedRuns), [sources.data, runs, startedRuns]);
  const groups = useMemo(() => groupByPlatform(views), [views]);
  const companies = useMemo(
    () => new Map((sources.data ?? []).map((source) => [source.source_name, source.company_name])),
    [sources.data],
  );
  const companyOf = useCallback((source: string) => companies.get(source) ?? source, [companies]);

  // The trigger reloads the runs, so the new run is in the history even if the live feed has moved on.
  const handleStarted = useCallback((names: string[], runId: string) => {
    setStartedRuns((current) => ({ ...current, ...Object.fromEntries(names.map((name) => [name, runId])) }));
  }, []);
  const handleSourceStarted = useCallback((source: string, runId: string) => handleStarted([source], runId), [handleStarted]);

  // When a run finishes, its new jobs belong in the chart.
  const finishedRuns = runs.filter((run) => run.status !== 'running').map((run) => run.id).join(',');
  const previousFinished = useRef<string | null>(null);
  const { refetch: reloadDaily } = daily;
  useEffect(() => {
    if (previousFinished.current !== null && previousFinished.current !== finishedRuns) void reloadDaily();
    previousFinished.current = finishedRuns;
  }, [finishedRuns, reloadDaily]);

  const anyRunning = views.some((view) => view.running);
  // "Sync started" is true only while the run lasts: once it has finished, the alert says so instead.
  const feedbackRun = feedback?.runId ? runs.find((run) => run.id === feedback.runId) : undefined;
  const shownFeedback: SyncFeedback | null =
    feedback && feedbackRun && feedbackRun.status !== 'running'
      ? { tone: feedbackRun.status === 'completed' ? 'success' : 'warning', message: `The sync has finished (${feedbackRun.status}): the results are below.`, runId: feedback.runId }
      : feedback;
  const handleSyncAll = async () => {
    setStartingAll(true);
    setFeedback(null);
    const result = await syncAll.mutateAsync(null);
    setStartingAll(false);
    if (result.outcome === 'started') handleStarted(views.map((view) => view.source.source_name), result.runId);
    const running = result.outcome === 'already_running' && result.source ? companyOf(result.source) : 'A source';
    setFeedback(syncFeedback(result, { started: 'Sync started for all sources.', alreadyRunning: `${running} is already running.` }));
  };

  const handleCancel = async (run: IngestionRun) => {
    setCancelling(run.id);
    setCancelFeedback(null);
    const result = await cancel.mutateAsync(run.id);
    setCancelling(null);
    const names = run.sources.map((log) => companyOf(log.source_name)).join(', ');
    if (result.outcome === 'cancelled') {
      setCancelFeedback({ tone: 'success', message: `Run cancelled. ${names} can sync again.`, runId: run.id });
    } else {
      setCancelFeedback({ tone: result.outcome === 'already_finished' ? 'warning' : 'error', message: result.message, runId: run.id });
    }
  };

  return (
    <ContentLayout title="Ingestion" description="Bring in jobs from the firms' career sites and follow each run as it happens.">
      <div className="space-y-8">
        <section aria-labelledby="sources-title" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex items-center gap-3">
              <h2 id="sources-title" className="text-lg font-semibold text-slate-900">
                Sources
              </h2>
              <ConnectionBadge connection={live.connection} />
            </div>
            <Button onClick={handleSyncAll} isLoading={isStartingAll} disabled={!sources.data?.length || anyRunning}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Sync all
            </Button>
          </div>

          {shownFeedback && <SyncFeedbackAlert feedback={shownFeedback} />}

          {sources.isPending && <FullPageSpinner label="Loading sources" />}
          {sources.status === 'error' && (
            <div className="space-y-3">
              <Alert tone="error">We couldn't load the sources. {sources.error?.message}</Alert>
              <Button variant="secondary" onClick={() => void sources.refetch()}>
                Try again
              </Button>
            </div>
          )}
          {sources.data &&
            groups.map((group) => (
              <section key={group.platform} aria-labelledby={`platform-${group.platform}`} className="space-y-3">
                <h3 id={`platform-${group.platform}`} className="text-sm font-semibold uppercase tracking-wide text-slate-500">
                  {group.label}
                  <span className="ml-2 font-normal normal-case tracking-normal">
                    {group.views.length === 1 ? '1 employer' : `${group.views.length} employers`}
                  </span>
                </h3>
                <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                  {group.views.map((view) => (
                    <SourceCard key={view.source.source_name} {...view} onStarted={handleSourceStarted} />
                  ))}
                </div>
              </section>
            ))}
        </section>

        <section aria-labelledby="daily-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
          <h2 id="daily-title" className="mb-4 flex items-center gap-2 text-lg font-semibold text-slate-900">
            <BarChart3 aria-hidden="true" className="size-5 text-indigo-500" />
            New jobs per day
            <span className="text-sm font-normal text-slate-500">(last {dailyChartDays} days)</span>
          </h2>
          {daily.status === 'error' && <Alert tone="error">We couldn't load the daily counts. {daily.error?.message}</Alert>}
          {daily.isPending && (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-500">
              <Spinner size="sm" /> Loading the chart
            </p>
          )}
          {daily.data && (
            <DailyNewJobsChart
              data={daily.data}
              days={dailyChartDays}
              series={(sources.data ?? []).map((source) => ({ key: source.source_name, label: source.company_name }))}
            />
          )}
        </section>

        <section aria-labelledby="runs-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
          <h2 id="runs-title" className="mb-4 flex items-center gap-2 text-lg font-semibold text-slate-900">
            <History aria-hidden="true" className="size-5 text-indigo-500" />
            Recent runs
          </h2>
          {history.status === 'error' && runs.length === 0 && (
            <Alert tone="error">We couldn't load past runs. {history.error?.message}</Alert>
          )}
          {history.isPending && runs.length === 0 && (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-500">
              <Spinner size="sm" /> Loading runs
            </p>
          )}
          {cancelFeedback && <SyncFeedbackAlert feedback={cancelFeedback} className="mb-4" />}
          {runs.length > 0 && (
            <RunsTable runs={runs} companyOf={companyOf} labelledBy="runs-title" onCancel={handleCancel} cancelling={cancelling} />
          )}
          {history.status === 'success' && runs.length === 0 && (
            <p className="text-sm text-slate-600">No runs yet. Press Sync on a source, or wait for the nightly run.</p>
          )}
        </section>
      </div>
    </ContentLayout>
  );
}

function ConnectionBadge({ connection }: { connection: LiveConnection }) {
  if (connection === 'live') {
    return (
      <Badge tone="success">
        <Wifi aria-hidden="true" className="size-3" />
        Live
      </Badge>
    );
  }
  if (connection === 'polling') {
    return (
      <span title={`Live updates are reconnecting; refreshing every ${runsPollIntervalMs / 1000} s meanwhile.`}>
        <Badge tone="warning">
          <WifiOff aria-hidden="true" className="size-3" />
          Reconnecting · refreshing every {runsPollIntervalMs / 1000} s
        </Badge>
      </span>
    );
  }
  return <Badge>Connecting…</Badge>;
}

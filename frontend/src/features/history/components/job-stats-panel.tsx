import { Binary, RefreshCw, Sparkles } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getErrorMessage } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { reenrichJobs, refreshEmbeddings, useJobStats, useQueueJobWork } from '../api/job-stats';

type Feedback = { tone: 'success' | 'error'; message: string } | null;

/** Jobs by status, failures, and AI calls made versus saved by reusing identical descriptions' enrichment. */
export function JobStatsPanel() {
  const stats = useJobStats();
  const reenrich = useQueueJobWork(() => reenrichJobs());
  const reembed = useQueueJobWork(refreshEmbeddings);
  const [queueing, setQueueing] = useState<'reenrich' | 'reembed' | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const queue = async (kind: 'reenrich' | 'reembed', action: () => Promise<{ message: string }>) => {
    setQueueing(kind);
    setFeedback(null);
    try {
      const result = await action();
      setFeedback({ tone: 'success', message: result.message });
    } catch (error) {
      setFeedback({ tone: 'error', message: getErrorMessage(error) });
    } finally {
      setQueueing(null);
    }
  };

  const data = stats.data;
  const aiTotal = data ? data.ai_calls_made + data.ai_calls_saved : 0;
  const savedShare = data && aiTotal > 0 ? Math.round((data.ai_calls_saved / aiTotal) * 100) : 0;

  return (
    <section aria-labelledby="job-stats-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="job-stats-title" className="text-lg font-semibold text-slate-900">
          Jobs at a glance
        </h2>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={() => void stats.refetch()} disabled={stats.isFetching} aria-label="Refresh stats">
            <RefreshCw aria-hidden="true" className={`size-4 ${stats.isFetching ? 'animate-spin' : ''}`} />
          </Button>
          <Button variant="secondary" onClick={() => queue('reenrich', () => reenrich.mutateAsync())} isLoading={queueing === 'reenrich'}>
            <Sparkles aria-hidden="true" className="size-4" />
            Re-enrich incomplete jobs
          </Button>
          {/* After switching embedding models: vectors of the old model are made again; enrichments are kept. */}
          <Button variant="secondary" onClick={() => queue('reembed', () => reembed.mutateAsync())} isLoading={queueing === 'reembed'}>
            <Binary aria-hidden="true" className="size-4" />
            Re-embed with current model
          </Button>
        </div>
      </div>

      {feedback && (
        <Alert tone={feedback.tone} className="mt-4">
          {feedback.message}
        </Alert>
      )}
      {stats.status === 'error' && (
        <Alert tone="error" className="mt-4">
          We couldn't load the stats. {stats.error?.message}
        </Alert>
      )}
      {stats.isPending && <p className="mt-4 text-sm text-slate-500">Loading stats…</p>}

      {data && (
        <dl className="mt-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat term="Jobs" value={data.total_jobs}>
            {formatNumber(data.by_status.active)} active · {formatNumber(data.by_status.processing)} processing ·{' '}
            {formatNumber(data.by_status.archived)} archived
          </Stat>
          <Stat term="Enrichment failed" value={data.enrichment_failed} tone={data.enrichment_failed > 0 ? 'danger' : 'normal'}>
            {data.enrichment_failed > 0 ? 'Re-enrich to try again' : 'Nothing to retry'}
          </Stat>
          <Stat term="AI calls made" value={data.ai_calls_made}>
            Jobs enriched by the AI
          </Stat>
          <Stat term="AI calls saved" value={data.ai_calls_saved} tone="good">
            {savedShare}% reused from identical descriptions
          </Stat>
        </dl>
      )}
    </section>
  );
}

function Stat({
  term,
  value,
  tone = 'normal',
  children,
}: {
  term: string;
  value: number;
  tone?: 'normal' | 'good' | 'danger';
  children: ReactNode;
}) {
  const valueColour = tone === 'danger' ? 'text-red-700' : tone === 'good' ? 'text-emerald-700' : 'text-slate-900';
  return (
    <div className="rounded-xl bg-slate-50 p-4">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className={`mt-1 text-2xl font-bold ${valueColour}`}>{formatNumber(value)}</dd>
      <dd className="mt-1 text-xs text-slate-600">{children}</dd>
    </div>
  );
}

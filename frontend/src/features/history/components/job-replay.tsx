import { ExternalLink } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { jobDetailPath } from '@/config/paths';
import { useJobHistory } from '../api/get-job-history';
import { historyNotReady } from './history-not-ready';
import { JobStateAtVersion } from './job-state-at-version';
import { JobTimeline } from './job-timeline';

/** One job's replay: the state at a chosen version (latest first) above its event timeline. */
export function JobReplay({ jobId }: { jobId: string }) {
  const history = useJobHistory(jobId);
  const [pickedVersion, setPickedVersion] = useState<number | null>(null);

  const notReady = historyNotReady(history, 'job', jobId);
  if (notReady) return notReady;
  const events = history.data ?? [];
  const versions = events.map((event) => event.version);
  const latestVersion = Math.max(...versions);
  const version = pickedVersion !== null && versions.includes(pickedVersion) ? pickedVersion : latestVersion;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          Job <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs break-all text-slate-800">{jobId}</code> ·{' '}
          {events.length} {events.length === 1 ? 'event' : 'events'}
        </p>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={() => void history.refetch()} isLoading={history.isFetching}>
            Reload events
          </Button>
          <Link
            to={jobDetailPath(jobId)}
            className="inline-flex items-center gap-1.5 rounded-lg px-3 py-2 text-sm font-semibold text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            Open job page
            <ExternalLink aria-hidden="true" className="size-4" />
          </Link>
        </div>
      </div>
      <JobStateAtVersion jobId={jobId} events={events} version={version} onVersionChange={setPickedVersion} />
      <JobTimeline events={events} currentVersion={version} onShowVersion={setPickedVersion} />
    </div>
  );
}

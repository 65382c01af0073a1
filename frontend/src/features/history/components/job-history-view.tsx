import { MousePointerClick } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { JobPicker } from './job-picker';
import { JobReplay } from './job-replay';

/** Pick a job on the left (or come with `?job=<id>`), replay it on the right. */
export function JobHistoryView() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const jobId = searchParams.get('job')?.trim() || null;

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <JobPicker selectedJobId={jobId} onPick={(id) => updateSearchParams({ job: id })} />
      <div className="min-w-0">
        {jobId ? (
          // A new job starts a new replay (its own version and loaded state).
          <JobReplay key={jobId} jobId={jobId} />
        ) : (
          <EmptyState icon={MousePointerClick} title="Pick a job to replay">
            Choose one from the list, or paste a job ID.
          </EmptyState>
        )}
      </div>
    </div>
  );
}

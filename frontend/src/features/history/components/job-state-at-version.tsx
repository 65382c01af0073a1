import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useId } from 'react';
import { EnrichmentBadge, JobStatusBadge } from '@/components/jobs/job-status-badge';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChipList } from '@/components/ui/chip-list';
import { formatDateTime } from '@/lib/format';
import type { JobDetails } from '@/types/api';
import { eventLabel } from '../api/event-data';
import { useJobStateAt } from '../api/get-job-history';
import type { JobHistoryEvent } from '../api/types';

type JobStateAtVersionProps = {
  jobId: string;
  events: JobHistoryEvent[];
  version: number;
  onVersionChange: (version: number) => void;
};

/** A stepper and slider over the job's versions, and the job as it was right after that version's event. */
export function JobStateAtVersion({ jobId, events, version, onVersionChange }: JobStateAtVersionProps) {
  const sliderId = useId();
  const state = useJobStateAt(jobId, version);
  const versions = events.map((event) => event.version);
  const index = Math.max(0, versions.indexOf(version));
  const event = events[index];
  const first = versions[0];
  const last = versions[versions.length - 1];

  return (
    <section aria-labelledby="state-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
      <h2 id="state-title" className="text-lg font-semibold text-slate-900">
        State at version
      </h2>

      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          aria-label="Previous version"
          disabled={index === 0}
          onClick={() => onVersionChange(versions[index - 1])}
        >
          <ChevronLeft aria-hidden="true" className="size-4" />
        </Button>
        <div className="min-w-48 flex-1">
          <label htmlFor={sliderId} className="sr-only">
            Version
          </label>
          <input
            id={sliderId}
            type="range"
            min={first}
            max={last}
            step={1}
            value={version}
            aria-valuetext={`Version ${version} of ${last}: ${eventLabel(event.type)}`}
            onChange={(changeEvent) => {
              const wanted = Number(changeEvent.target.value);
              // Versions are consecutive, but only ever step to one that exists.
              const nearest = versions.reduce((best, candidate) =>
                Math.abs(candidate - wanted) < Math.abs(best - wanted) ? candidate : best,
              );
              onVersionChange(nearest);
            }}
            className="w-full accent-indigo-600"
          />
        </div>
        <Button
          variant="secondary"
          aria-label="Next version"
          disabled={index === versions.length - 1}
          onClick={() => onVersionChange(versions[index + 1])}
        >
          <ChevronRight aria-hidden="true" className="size-4" />
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 text-sm text-slate-700">
        <span className="font-semibold">
          Version {version} of {last}
        </span>{' '}
        · {eventLabel(event.type)} · <time dateTime={event.timestamp}>{formatDateTime(event.timestamp)}</time>
      </p>

      <div className="mt-4 border-t border-slate-100 pt-4">
        {state.status === 'error' && <Alert tone="error">We couldn't load this version. {state.error?.message}</Alert>}
        {state.status !== 'error' && !state.data && <p className="text-sm text-slate-500">Loading version {version}…</p>}
        {state.status !== 'error' && state.data && (
          <div aria-busy={state.isFetching} className={state.isFetching ? 'opacity-60' : undefined}>
            <JobSnapshot job={state.data} />
          </div>
        )}
      </div>
    </section>
  );
}

function JobSnapshot({ job }: { job: JobDetails }) {
  const questions = job.prep_guide_generated?.prep_questions ?? [];
  const tips = job.resume_guide_generated?.resume_guide ?? [];

  return (
    <div className="space-y-4">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <JobStatusBadge status={job.status} />
          <EnrichmentBadge status={job.enrichment.status} />
        </div>
        <h3 className="mt-2 text-lg font-semibold text-slate-900">{job.title}</h3>
        <p className="text-sm text-slate-600">
          {job.company_name}
          {job.location && ` · ${job.location}`}
        </p>
      </div>

      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 xl:grid-cols-3">
        <Fact term="Interview questions" value={String(questions.length)} />
        <Fact term="Resume tips" value={String(tips.length)} />
        <Fact term="Salary" value={job.salary_range?.display} />
        <Fact term="Experience level" value={job.experience_level} />
        <Fact term="Qualification" value={job.qualification} />
        <Fact term="Origin" value={job.source ? `${job.origin} (${job.source})` : job.origin} />
        <Fact term="AI model" value={job.enrichment.ai_model} />
        <Fact term="Embedding model" value={job.enrichment.embedding_model} />
        <Fact term="Failed attempts" value={String(job.enrichment.failed_attempts)} />
        {job.enrichment.deduplicated_from && <Fact term="Copied from job" value={job.enrichment.deduplicated_from} />}
        {job.enrichment.last_error && <Fact term="Last error" value={job.enrichment.last_error} />}
        <Fact term="Updated" value={formatDateTime(job.updated_at)} />
      </dl>

      <div>
        <h4 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Skills</h4>
        <div className="mt-1">
          {job.skills_required.length > 0 ? (
            <ChipList label="Skills at this version" items={job.skills_required} />
          ) : (
            <p className="text-sm text-slate-500">None yet</p>
          )}
        </div>
      </div>
      <div>
        <h4 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Description</h4>
        <p className="mt-1 line-clamp-4 text-sm whitespace-pre-line text-slate-700">{job.description_raw}</p>
      </div>
    </div>
  );
}

function Fact({ term, value }: { term: string; value: string | null | undefined }) {
  return (
    <div>
      <dt className="text-slate-500">{term}</dt>
      <dd className="font-medium break-words text-slate-900">{value || '—'}</dd>
    </div>
  );
}

import { Search } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { JobStatusBadge } from '@/components/jobs/job-status-badge';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { formatDate } from '@/lib/format';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import type { EnrichmentStatus, JobStatus } from '@/types/api';
import { adminJobsPageSize, useAdminJobs } from '../api/get-admin-jobs';

type JobPickerProps = {
  selectedJobId: string | null;
  onPick: (jobId: string) => void;
};

const statusOptions = [
  { value: '', label: 'Any' },
  { value: 'processing', label: 'Processing' },
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
];

const enrichmentOptions = [
  { value: '', label: 'Any' },
  { value: 'pending', label: 'Pending' },
  { value: 'enriched', label: 'Enriched' },
  { value: 'failed', label: 'Failed' },
];

/** Every job (any state) with a title search, filters and pages of ten; or paste an ID. */
export function JobPicker({ selectedJobId, onPick }: JobPickerProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [status, setStatus] = useState<JobStatus | ''>('');
  const [enrichmentStatus, setEnrichmentStatus] = useState<EnrichmentStatus | ''>('');
  const [pagination, setPagination] = useState({ skip: 0, forFilters: '' });
  const filtersKey = JSON.stringify([q, status, enrichmentStatus]);
  // Any change of filter goes back to the first page.
  const skip = pagination.forFilters === filtersKey ? pagination.skip : 0;

  const jobs = useAdminJobs({ skip, q, status, enrichmentStatus });
  const [pastedId, setPastedId] = useState('');

  const handleOpen = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = pastedId.trim();
    if (id) onPick(id);
  };

  return (
    <section aria-labelledby="job-picker-title" className="space-y-4 self-start rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5">
      <h2 id="job-picker-title" className="text-lg font-semibold text-slate-900">
        Jobs
      </h2>

      <form onSubmit={handleOpen} className="flex items-end gap-2">
        <TextField
          className="flex-1"
          label="Job ID"
          name="job_id"
          value={pastedId}
          onChange={(event) => setPastedId(event.target.value)}
          placeholder="Paste a job ID"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" variant="secondary" disabled={!pastedId.trim()}>
          Open
        </Button>
      </form>

      <div role="search" aria-label="Find a job" className="space-y-3 border-t border-slate-100 pt-4">
        <TextField
          label="Search by title"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
        />
        <div className="grid grid-cols-2 gap-2">
          <SelectField
            label="Status"
            value={status}
            options={statusOptions}
            onChange={(event) => setStatus(event.target.value as JobStatus | '')}
          />
          <SelectField
            label="Enrichment"
            value={enrichmentStatus}
            options={enrichmentOptions}
            onChange={(event) => setEnrichmentStatus(event.target.value as EnrichmentStatus | '')}
          />
        </div>
      </div>

      {jobs.status === 'error' && (
        <Alert tone="error">
          We couldn't load jobs. {jobs.error?.message}{' '}
          <button type="button" className="font-semibold underline" onClick={() => void jobs.refetch()}>
            Try again
          </button>
        </Alert>
      )}
      {jobs.isPending && <p className="text-sm text-slate-500">Loading jobs…</p>}

      {jobs.data && (
        <div aria-busy={jobs.isFetching} className={`space-y-3 ${jobs.isFetching ? 'opacity-60' : ''}`}>
          {jobs.data.items.length === 0 ? (
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <Search aria-hidden="true" className="size-4" />
              No jobs match.
            </p>
          ) : (
            <ul aria-label="Jobs to replay" className="-mx-1 max-h-[28rem] space-y-1 overflow-y-auto px-1">
              {jobs.data.items.map((job) => {
                const isSelected = job.id === selectedJobId;
                return (
                  <li key={job.id}>
                    <button
                      type="button"
                      aria-current={isSelected ? 'true' : undefined}
                      onClick={() => onPick(job.id)}
                      className={`w-full rounded-lg px-3 py-2 text-left transition-colors focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                        isSelected ? 'bg-indigo-50 ring-1 ring-indigo-200 ring-inset' : 'hover:bg-slate-50'
                      }`}
                    >
                      <span className="block truncate text-sm font-semibold text-slate-900">{job.title}</span>
                      <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                        <span className="truncate">{job.company_name}</span>
                        <span>{formatDate(job.created_at)}</span>
                        <JobStatusBadge status={job.status} />
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {jobs.data.total > adminJobsPageSize && (
            <Pagination
              skip={jobs.data.skip}
              limit={jobs.data.limit || adminJobsPageSize}
              total={jobs.data.total}
              itemLabel="jobs"
              disabled={jobs.isFetching}
              onSkipChange={(next) => setPagination({ skip: next, forFilters: filtersKey })}
            />
          )}
        </div>
      )}
    </section>
  );
}

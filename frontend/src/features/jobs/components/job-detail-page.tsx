import { ArrowLeft, Briefcase, Building2, ExternalLink, GraduationCap, History, MapPin, Pencil, SearchX, Wallet } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EnrichmentBadge, JobStatusBadge } from '@/components/jobs/job-status-badge';
import { PostingAndFoundDates } from '@/components/jobs/posting-date';
import { SalarySourceNote } from '@/components/jobs/salary-source';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FullPageSpinner } from '@/components/ui/spinner';
import { jobHistoryPath, paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import type { JobDetails, Role } from '@/types/api';
import { useJobDetails } from '../api/get-job-details';
import type { JobEdited } from '../api/update-job';
import { EditJobForm } from './edit-job-form';
import { JobPillars } from './job-pillars';
import { placeLabel } from './place-label';
import { SimilarJobs, YourFit } from './similar-jobs';

type JobDetailPageProps = {
  /**
   * Buttons for the actions row under the header, next to "Apply". Later features plug in here
   * ("Check my fit", "Talk to the coach"); the app composes them, since features don't import each other.
   */
  renderActions?: (job: JobDetails) => ReactNode;
};

/** The query parameter that opens the edit form (see jobEditPath). */
const editParam = 'edit';

const backLinks: Record<Role, { to: string; label: string }> = {
  seeker: { to: paths.seeker.jobs, label: 'Back to jobs' },
  provider: { to: paths.provider.listings, label: 'Back to my listings' },
  admin: { to: paths.admin.history, label: 'Back to history' },
};

export function JobDetailPage({ renderActions }: JobDetailPageProps) {
  const { id } = useParams<{ id: string }>();
  const auth = useAuth();
  const role = auth.user?.role ?? 'seeker';
  const details = useJobDetails(id);
  const job = details.data;
  // The job as it was when "Edit" was pressed: the edit is made against that version, whatever reloads meanwhile.
  const [editing, setEditing] = useState<JobDetails | null>(null);
  const [savedNotice, setSavedNotice] = useState<string | null>(null);
  const canEdit =
    !!job && job.status !== 'archived' && (role === 'admin' || (role === 'provider' && auth.user?.id === job.owner_id));
  // "Edit" on a listing links here with ?edit=1: the form opens once, on the job as first loaded (state set while
  // rendering); closing it drops the parameter from the address.
  const [searchParams, setSearchParams] = useSearchParams();
  const editRequested = searchParams.get(editParam) === '1';
  const [editLinkFollowed, setEditLinkFollowed] = useState(false);
  if (editRequested && canEdit && !editLinkFollowed) {
    setEditLinkFollowed(true);
    setEditing(job);
  }
  const closeEditing = () => {
    setEditing(null);
    if (editRequested) setSearchParams((params) => { params.delete(editParam); return params; }, { replace: true });
  };

  const back = backLinks[role];

  // The edit refreshes the job (and every list showing it) by itself; while it is being prepared, the query follows it.
  const saved = (edited: JobEdited) => {
    closeEditing();
    setSavedNotice(edited.reenrichment_queued ? 'Changes saved. The AI is preparing the new description.' : 'Changes saved.');
  };
  const reloadAfterConflict = () => {
    closeEditing();
    setSavedNotice(null);
    void details.refetch();
  };

  return (
    <div className="mx-auto max-w-5xl">
      <title>{`${job?.title ?? 'Job'} · Ottobon Jobs`}</title>
      <Link
        to={back.to}
        className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {back.label}
      </Link>

      {details.isPending && <FullPageSpinner label="Loading the job" />}

      {details.status === 'error' && details.error?.status === 404 && (
        <>
          <h1 className="sr-only">Job not found</h1>
          <EmptyState icon={SearchX} title="This job isn't available">
            It may have been archived, or it isn't visible to your account.
          </EmptyState>
        </>
      )}

      {details.status === 'error' && details.error?.status !== 404 && (
        <div className="space-y-3">
          <h1 className="sr-only">Job</h1>
          <Alert tone="error">We couldn't load this job. {details.error?.message}</Alert>
          <Button variant="secondary" onClick={() => void details.refetch()}>
            Try again
          </Button>
        </div>
      )}

      {job && (
        <div className="space-y-6">
          <JobHeader
            job={job}
            role={role}
            actions={
              <>
                {renderActions?.(job)}
                {canEdit && !editing && (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setSavedNotice(null);
                      setEditing(job);
                    }}
                  >
                    <Pencil aria-hidden="true" className="size-4" />
                    Edit job
                  </Button>
                )}
              </>
            }
          />
          {savedNotice && <Alert tone="success">{savedNotice}</Alert>}
          {editing && (
            <EditJobForm job={editing} onSaved={saved} onCancel={closeEditing} onReload={reloadAfterConflict} />
          )}
          <JobNotices job={job} role={role} />
          {job.status === 'active' && <YourFit jobId={job.id} />}
          <section aria-label="About the job" className="rounded-2xl bg-white px-5 pb-6 shadow-sm ring-1 ring-slate-900/5 sm:px-6">
            <JobPillars job={job} />
          </section>
          <SimilarJobs jobId={job.id} />
        </div>
      )}
    </div>
  );
}

function JobHeader({ job, role, actions }: { job: JobDetails; role: Role; actions?: ReactNode }) {
  const applyUrl = safeExternalUrl(job.external_apply_url);
  const canSeePipeline = role !== 'seeker';

  return (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5 sm:p-6">
      {(job.status !== 'active' || canSeePipeline) && (
        <div className="mb-3 flex flex-wrap gap-2">
          <JobStatusBadge status={job.status} />
          {canSeePipeline && <EnrichmentBadge status={job.enrichment.status} />}
        </div>
      )}
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{job.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-1 text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <Building2 aria-hidden="true" className="size-4 text-slate-400" />
          {job.company_name}
        </span>
        {placeLabel(job) && (
          <span className="inline-flex items-center gap-1.5">
            <MapPin aria-hidden="true" className="size-4 text-slate-400" />
            {placeLabel(job)}
          </span>
        )}
      </p>
      <p className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-500">
        <PostingAndFoundDates postedOn={job.posted_on} createdAt={job.created_at} />
      </p>

      <dl className="mt-5 grid gap-4 border-t border-slate-100 pt-5 sm:grid-cols-3">
        <JobFact icon={Wallet} term="Salary" value={job.salary_range?.display} note={<SalarySourceNote source={job.salary_source} />} />
        <JobFact icon={Briefcase} term="Experience" value={job.experience_level} />
        <JobFact icon={GraduationCap} term="Qualification" value={job.qualification} />
      </dl>

      {/* The actions row: "Apply" now; later features add "Check my fit" and "Talk to the coach" through renderActions. */}
      <div role="group" aria-label="Job actions" className="mt-5 flex flex-wrap items-center gap-3 empty:hidden">
        {applyUrl && (
          <a
            href={applyUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Apply on company site
            <ExternalLink aria-hidden="true" className="size-4" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
        {actions}
        {role === 'admin' && (
          <Link
            to={jobHistoryPath(job.id)}
            className="inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            <History aria-hidden="true" className="size-4" />
            View history
          </Link>
        )}
      </div>
    </div>
  );
}

function JobFact({
  icon: Icon,
  term,
  value,
  note,
}: {
  icon: typeof Wallet;
  term: string;
  value: string | null | undefined;
  note?: ReactNode;
}) {
  return (
    // A <dl>'s groups may hold only <dt> and <dd>: the icon sits inside the term.
    <div className="relative pl-8">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        <Icon aria-hidden="true" className="absolute top-0.5 left-0 size-5 text-indigo-500" />
        {term}
      </dt>
      <dd className="text-sm font-semibold text-slate-900">{value || 'Not stated'}</dd>
      {value && note && <dd>{note}</dd>}
    </div>
  );
}

function JobNotices({ job, role }: { job: JobDetails; role: Role }) {
  if (job.status === 'processing' && job.enrichment.status === 'failed') {
    return (
      <Alert tone="warning">
        <p className="font-semibold">We couldn't prepare this job yet.</p>
        {role !== 'seeker' && job.enrichment.last_error && <p className="mt-1">Last error: {job.enrichment.last_error}</p>}
      </Alert>
    );
  }
  if (job.status === 'processing') {
    return (
      <Alert tone="info">
        <p className="font-semibold">This job is still being prepared.</p>
        <p className="mt-1">
          Our AI is writing its interview questions and resume tips. This page updates by itself when they are ready.
        </p>
      </Alert>
    );
  }
  if (job.status === 'archived') {
    return <Alert tone="warning">This job has been archived and no longer appears in the feed.</Alert>;
  }
  return null;
}

/** Only http(s) links are opened; anything else (e.g. javascript:) is dropped. */
function safeExternalUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

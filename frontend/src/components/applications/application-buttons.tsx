import { Bookmark, BookmarkCheck, CircleCheck, Send } from 'lucide-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { applicationPath } from '@/config/paths';
import {
  applicationStageLabel,
  type ApplicationSummary,
  localToday,
  useJobApplication,
  useRecordApplied,
  useSaveJob,
  useTrackedJobs,
  useUnsaveJob,
} from '@/lib/applications';
import { useAuth } from '@/lib/auth';
import { formatDate } from '@/lib/format';

const maxNoteLength = 2000;

type JobRef = { jobId: string; jobTitle: string };

/** "Save" and "I applied" on a job card: the state comes from the seeker's tracker list (one request per feed). */
export function JobCardApplicationButtons({ jobId, jobTitle }: JobRef) {
  const { user } = useAuth();
  const isSeeker = user?.role === 'seeker';
  const tracked = useTrackedJobs(isSeeker);
  if (!isSeeker || tracked.isPending) return null;
  // Without the list the buttons still work: saving is idempotent, and "I applied" twice is refused with a reason.
  return <ApplicationButtons jobId={jobId} jobTitle={jobTitle} application={tracked.data?.get(jobId) ?? null} />;
}

/** "Save" and "I applied" on the job page, from GET /api/jobs/{id}/application. */
export function JobApplicationButtons({ jobId, jobTitle }: JobRef) {
  const { user } = useAuth();
  const isSeeker = user?.role === 'seeker';
  const application = useJobApplication(jobId, isSeeker);
  if (!isSeeker || application.isPending) return null;
  return <ApplicationButtons jobId={jobId} jobTitle={jobTitle} application={application.data ?? null} />;
}

/**
 * What the seeker can do with a job they see: save it (and unsave it while it is only saved), and say they applied
 * on the company's site. Once applied, the buttons give way to where the application stands, linking to it.
 */
export function ApplicationButtons({ jobId, jobTitle, application }: JobRef & { application: ApplicationSummary | null }) {
  const save = useSaveJob(jobId);
  const unsave = useUnsaveJob(jobId);
  const error = save.error ?? unsave.error;

  if (application && application.stage !== 'saved') {
    return (
      <p className="inline-flex flex-wrap items-center gap-x-1.5 text-sm font-medium text-emerald-800">
        <CircleCheck aria-hidden="true" className="size-4 shrink-0" />
        {application.applied_on ? `Applied on ${formatDate(application.applied_on)}` : 'Applied'}
        {application.stage !== 'applied' && ` · ${applicationStageLabel(application.stage)}`}
        <Link to={applicationPath(application.id)} aria-label={`Track ${jobTitle} in My applications`} className="font-semibold text-indigo-700 underline hover:no-underline">
          Track
        </Link>
      </p>
    );
  }

  const saved = application?.stage === 'saved';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        aria-pressed={saved}
        aria-label={`${saved ? 'Saved ✓' : 'Save'} ${jobTitle}`}
        isLoading={save.isPending || unsave.isPending}
        onClick={() => (saved ? unsave.mutate(undefined) : save.mutate(undefined))}
      >
        {saved ? <BookmarkCheck aria-hidden="true" className="size-4" /> : <Bookmark aria-hidden="true" className="size-4" />}
        {saved ? 'Saved ✓' : 'Save'}
      </Button>
      <AppliedDialogButton jobId={jobId} jobTitle={jobTitle} />
      {error && <Alert tone="error" className="w-full">{error.message}</Alert>}
    </div>
  );
}

/** "I applied": a native modal dialog (focus stays inside, Escape closes it) with the date and an optional note. */
function AppliedDialogButton({ jobId, jobTitle }: JobRef) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const today = localToday();
  const [appliedOn, setAppliedOn] = useState(today);
  const [note, setNote] = useState('');
  const applied = useRecordApplied(jobId);
  const tooLong = note.length > maxNoteLength;
  const inFuture = appliedOn > today;

  const open = () => {
    applied.reset();
    setAppliedOn(localToday());
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooLong || inFuture || !appliedOn) return;
    applied.mutate({ applied_on: appliedOn, note: note.trim() || undefined }, { onSuccess: close });
  };

  return (
    <>
      <Button variant="secondary" onClick={open} aria-haspopup="dialog" aria-label={`I applied to ${jobTitle}`}>
        <Send aria-hidden="true" className="size-4" />
        I applied
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
      >
        <form onSubmit={submit} className="space-y-3">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            You applied to {jobTitle}
          </h2>
          <TextField
            label="Applied on"
            type="date"
            required
            max={today}
            value={appliedOn}
            onChange={(event) => setAppliedOn(event.target.value)}
            error={inFuture ? 'The date can’t be in the future.' : undefined}
          />
          <TextAreaField
            label="Note (optional)"
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={tooLong ? `A note may be at most ${maxNoteLength} characters.` : undefined}
          />
          {applied.error && <Alert tone="error">{applied.error.message}</Alert>}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" isLoading={applied.isPending} disabled={tooLong || inFuture || !appliedOn}>
              Record application
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

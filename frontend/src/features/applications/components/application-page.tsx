import { ArrowLeft, BellPlus, ExternalLink, FileText, SearchX, Trash2 } from 'lucide-react';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { SelectField } from '@/components/ui/select-field';
import { FullPageSpinner } from '@/components/ui/spinner';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { jobDetailPath, jobMatchPath, paths } from '@/config/paths';
import { allowedMoves, type ApplicationDetail, applicationStageLabel, type ApplicationStage } from '@/lib/applications';
import { formatDate, formatDateTime } from '@/lib/format';
import { safeHref } from '@/lib/safe-href';
import {
  moveErrorMessage,
  useAddNote,
  useAddReminder,
  useApplication,
  useApplicationsLiveUpdates,
  useCancelReminder,
  useMoveApplication,
} from '../api/applications';
import { FitScore, JobArchivedBadge, ProviderStage, StageBadge } from './application-badges';
import { ApplicationTimeline } from './application-timeline';

const maxNoteLength = 2000;
const maxReminderLength = 200;

const channelLabels: Record<NonNullable<ApplicationDetail['channel']>, string> = { company_site: "on the company's site", ottobon: 'through Ottobon' };

/** /applications/:id: one application's stage, moves, notes, reminders, timeline and tailored resumes. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  useApplicationsLiveUpdates();
  const data = application.data;

  return (
    <div className="mx-auto max-w-5xl">
      <title>{`${data?.job_title ?? 'Application'} · Ottobon Jobs`}</title>
      <Link
        to={paths.seeker.applications}
        className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Back to my applications
      </Link>
      {application.isPending && <FullPageSpinner label="Loading the application" />}
      {application.error && (
        <>
          <h1 className="sr-only">Application</h1>
          {application.error.status === 404 ? (
            <EmptyState icon={SearchX} title="This application isn't in your tracker">
              It may have been removed, or the link belongs to another account.
            </EmptyState>
          ) : (
            <Alert tone="error">We couldn't load this application. {application.error.message}</Alert>
          )}
        </>
      )}
      {data && (
        <div className="space-y-6">
          <ApplicationHeader application={data} />
          <div className="grid gap-6 lg:grid-cols-2">
            <Panel title="Move">
              <MoveForm key={data.version} application={data} />
            </Panel>
            <Panel title="Reminders">
              <Reminders application={data} />
            </Panel>
          </div>
          <Panel title="Notes">
            <NoteForm applicationId={data.id} />
          </Panel>
          <Panel title="Timeline">
            <ApplicationTimeline timeline={data.timeline} />
          </Panel>
          <Panel title="Tailored resumes">
            <TailoredVersions application={data} />
          </Panel>
        </div>
      )}
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5">
      <h2 id={headingId} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function ApplicationHeader({ application }: { application: ApplicationDetail }) {
  const applyUrl = application.apply_url ? safeHref(application.apply_url) : null;
  return (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5 sm:p-6">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <StageBadge stage={application.stage} />
        <ProviderStage application={application} />
        <FitScore score={application.fit_score} />
        <JobArchivedBadge application={application} />
      </div>
      <h1 className="text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl">{application.job_title}</h1>
      <p className="mt-1 text-slate-600">{application.company}</p>
      <p className="mt-2 text-sm text-slate-600">
        {application.applied_on
          ? `Applied ${application.channel ? `${channelLabels[application.channel]} ` : ''}on ${formatDate(application.applied_on)}`
          : `Saved on ${formatDate(application.saved_at)}`}
        {application.interview_rounds > 0 &&
          ` · ${application.interview_rounds} interview ${application.interview_rounds === 1 ? 'round' : 'rounds'}`}
        {application.next_reminder_at && ` · next reminder ${formatDateTime(application.next_reminder_at)}`}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <Link
          to={jobDetailPath(application.job_id)}
          className="inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Open the job
        </Link>
        {applyUrl && (
          <a
            href={applyUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Company's apply page
            <ExternalLink aria-hidden="true" className="size-4" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
      </div>
    </div>
  );
}

/** The next stage, with a note and (for interviews) when it is. Sent with the version shown, so a stale move is a 412. */
function MoveForm({ application }: { application: ApplicationDetail }) {
  const targets = allowedMoves[application.stage];
  const [stage, setStage] = useState<ApplicationStage | ''>(targets[0] ?? '');
  const [note, setNote] = useState('');
  const [roundAt, setRoundAt] = useState('');
  const move = useMoveApplication();
  const [moved, setMoved] = useState<string | null>(null);

  if (targets.length === 0) {
    return <p className="text-sm text-slate-600">This application is {applicationStageLabel(application.stage).toLowerCase()}: it can't move any more.</p>;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!stage) return;
    setMoved(null);
    move.mutate(
      { application, stage, note: note.trim(), round_at: stage === 'interviewing' && roundAt ? new Date(roundAt).toISOString() : undefined },
      { onSuccess: (result) => setMoved(`Moved to ${applicationStageLabel(result.stage)}.`) },
    );
  };
  const tooLong = note.length > maxNoteLength;

  return (
    <form onSubmit={submit} aria-label="Move the application" className="space-y-3">
      <SelectField
        label="New stage"
        value={stage}
        onChange={(event) => setStage(event.target.value as ApplicationStage)}
        options={targets.map((target) => ({
          value: target,
          label: target === application.stage ? `${applicationStageLabel(target)} (another round)` : applicationStageLabel(target),
        }))}
      />
      {stage === 'interviewing' && (
        <TextField label="Interview date (optional)" type="datetime-local" value={roundAt} onChange={(event) => setRoundAt(event.target.value)} />
      )}
      <TextAreaField
        label="Note (optional)"
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={tooLong ? `A note may be at most ${maxNoteLength} characters.` : undefined}
      />
      {move.error && <Alert tone="error">{moveErrorMessage(move.error)}</Alert>}
      {moved && <Alert tone="success">{moved}</Alert>}
      <Button type="submit" isLoading={move.isPending} disabled={tooLong}>
        Move
      </Button>
    </form>
  );
}

function NoteForm({ applicationId }: { applicationId: string }) {
  const [note, setNote] = useState('');
  const add = useAddNote(applicationId);
  const tooLong = note.length > maxNoteLength;
  return (
    <form
      aria-label="Add a note"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(note.trim(), { onSuccess: () => setNote('') });
      }}
    >
      <p className="text-sm text-slate-600">Notes stay private to you and appear in the timeline.</p>
      <TextAreaField
        label="New note"
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={tooLong ? `A note may be at most ${maxNoteLength} characters.` : undefined}
      />
      {add.error && <Alert tone="error">{add.error.message}</Alert>}
      <Button type="submit" isLoading={add.isPending} disabled={note.trim() === '' || tooLong}>
        Add note
      </Button>
    </form>
  );
}

function Reminders({ application }: { application: ApplicationDetail }) {
  const [dueAt, setDueAt] = useState('');
  const [text, setText] = useState('');
  const add = useAddReminder(application.id);
  const cancel = useCancelReminder(application.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { due_at: new Date(dueAt).toISOString(), text: text.trim() },
      {
        onSuccess: () => {
          setDueAt('');
          setText('');
        },
      },
    );
  };

  return (
    <div className="space-y-4">
      {application.reminders.length === 0 ? (
        <p className="text-sm text-slate-600">No reminders. Set one to follow up, prepare an interview or answer an offer.</p>
      ) : (
        <ul aria-label="Pending reminders" className="space-y-2">
          {application.reminders.map((reminder) => (
            <li key={reminder.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
              <div className="min-w-0">
                <p className="text-sm font-medium break-words text-slate-900">{reminder.text}</p>
                <p className="text-xs text-slate-600">
                  <time dateTime={reminder.due_at}>{formatDateTime(reminder.due_at)}</time>
                </p>
              </div>
              <Button
                variant="ghost"
                aria-label={`Cancel the reminder “${reminder.text}”`}
                onClick={() => cancel.mutate(reminder.id)}
                disabled={cancel.isPending}
              >
                <Trash2 aria-hidden="true" className="size-4" />
                Cancel
              </Button>
            </li>
          ))}
        </ul>
      )}
      {cancel.error && <Alert tone="error">{cancel.error.message}</Alert>}
      <form onSubmit={submit} aria-label="Add a reminder" className="space-y-3">
        <TextField label="Remind me on" type="datetime-local" required value={dueAt} onChange={(event) => setDueAt(event.target.value)} />
        <TextField label="What about" required maxLength={maxReminderLength} value={text} onChange={(event) => setText(event.target.value)} />
        {add.error && <Alert tone="error">{add.error.message}</Alert>}
        <Button type="submit" variant="secondary" isLoading={add.isPending} disabled={!dueAt || text.trim() === ''}>
          <BellPlus aria-hidden="true" className="size-4" />
          Add reminder
        </Button>
      </form>
    </div>
  );
}

function TailoredVersions({ application }: { application: ApplicationDetail }) {
  if (application.tailored_versions.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        None yet.{' '}
        <Link to={jobMatchPath(application.job_id)} className="font-semibold text-indigo-700 underline hover:no-underline">
          Check your fit and tailor your resume
        </Link>{' '}
        for this job.
      </p>
    );
  }
  return (
    <ul className="space-y-2">
      {application.tailored_versions.map((version) => (
        <li key={version.id} className="flex flex-wrap items-center gap-2 text-sm">
          <FileText aria-hidden="true" className="size-4 shrink-0 text-slate-600" />
          <Link to={jobMatchPath(application.job_id)} className="font-medium break-words text-indigo-700 underline hover:no-underline">
            {version.title}
          </Link>
          <span className="text-xs text-slate-600">{formatDate(version.created_at)}</span>
        </li>
      ))}
    </ul>
  );
}

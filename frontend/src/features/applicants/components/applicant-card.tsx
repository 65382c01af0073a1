import { FileText } from 'lucide-react';
import { useId, useState } from 'react';
import { FitBadge } from '@/components/matching/fit-badge';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ChipList } from '@/components/ui/chip-list';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { apiLimits } from '@/lib/api-limits.generated';
import { getErrorMessage } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { isStaleVersion } from '@/lib/stream-version';
import { type Applicant, type ApplicantStage, applicantResumeLink, applicantStages, stageLabel, useMoveApplicant } from '../api/applicants';

const maxNoteLength = apiLimits.schemas.MoveApplicantStage.note.maxLength;

/** One applicant: who, fit, skills, the seeker's note, the resume, the provider's notes and the stage control. */
export function ApplicantCard({ jobId, applicant }: { jobId: string; applicant: Applicant }) {
  const nameId = useId();
  const closed = applicant.withdrawn || applicant.erased;

  return (
    <li aria-labelledby={nameId} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={nameId} className="text-base font-semibold break-words text-slate-900">
            {applicant.seeker_name}
          </h2>
          <p className="mt-1 text-sm text-slate-600">Applied {formatDate(applicant.applied_at)}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {applicant.fit ? <FitBadge fit={applicant.fit} subject="with this job" /> : <Badge tone="neutral">Fit not scored yet</Badge>}
          <Badge tone={closed ? 'neutral' : 'info'}>
            {applicant.erased ? 'Account deleted' : applicant.withdrawn ? 'Withdrawn' : stageLabel(applicant.stage)}
          </Badge>
        </div>
      </div>

      {applicant.note && (
        <blockquote className="mt-3 border-l-4 border-slate-200 pl-3 text-sm break-words whitespace-pre-line text-slate-700">
          {applicant.note}
        </blockquote>
      )}

      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Matched skills</h3>
          {applicant.matched_skills.length > 0 ? (
            <ChipList label="Matched skills" items={applicant.matched_skills} />
          ) : (
            <p className="text-sm text-slate-600">None</p>
          )}
        </div>
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Missing skills</h3>
          {applicant.missing_skills.length > 0 ? (
            <ChipList label="Missing skills" items={applicant.missing_skills} />
          ) : (
            <p className="text-sm text-slate-600">None</p>
          )}
        </div>
      </div>

      {applicant.provider_notes.length > 0 && (
        <ul aria-label="Your notes" className="mt-3 space-y-1 text-sm text-slate-700">
          {applicant.provider_notes.map((note, index) => (
            <li key={index} className="break-words">
              <span className="font-medium">{note.author_name}</span>, {formatDate(note.at)}: {note.text}
            </li>
          ))}
        </ul>
      )}

      {!closed && (
        <div className="mt-4 flex flex-col gap-4 border-t border-slate-100 pt-4 lg:flex-row lg:items-end">
          <OpenResumeButton applicant={applicant} />
          <StageControl jobId={jobId} applicant={applicant} />
        </div>
      )}
    </li>
  );
}

function OpenResumeButton({ applicant }: { applicant: Applicant }) {
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    // Opened before the request so browsers treat it as the click's own window, then pointed at the fresh link.
    const target = window.open('', '_blank');
    try {
      const link = await applicantResumeLink(applicant.id);
      if (target) target.location.href = link.url;
      else window.location.assign(link.url);
    } catch (failure) {
      target?.close();
      setError(getErrorMessage(failure));
    }
  };
  return (
    <div className="shrink-0">
      <Button variant="secondary" onClick={() => void open()} aria-label={`Open the resume of ${applicant.seeker_name}`}>
        <FileText aria-hidden="true" className="size-4" />
        Open resume
      </Button>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}

function StageControl({ jobId, applicant }: { jobId: string; applicant: Applicant }) {
  const move = useMoveApplicant(jobId);
  const [stage, setStage] = useState<ApplicantStage>(applicant.stage);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const tooLong = note.length > maxNoteLength;

  const submit = async () => {
    setDone(null);
    try {
      const moved = await move.mutateAsync({ applicantId: applicant.id, version: applicant.version, stage, note });
      setNote('');
      setDone(`Moved to ${stageLabel(moved.stage as ApplicantStage)}.`);
    } catch {
      // Shown below from move.error.
    }
  };

  return (
    <form
      className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row sm:items-end"
      aria-label={`Stage of ${applicant.seeker_name}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!tooLong) void submit();
      }}
    >
      <SelectField
        label="Stage"
        value={stage}
        onChange={(event) => setStage(event.target.value as ApplicantStage)}
        options={applicantStages}
        className="sm:w-40"
      />
      <TextAreaField
        label="Note with the move (optional)"
        rows={1}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={tooLong ? `At most ${maxNoteLength} characters.` : undefined}
        className="min-w-0 flex-1"
      />
      <Button type="submit" disabled={move.isPending || tooLong || stage === applicant.stage}>
        {move.isPending ? 'Saving…' : 'Save'}
      </Button>
      <div aria-live="polite" className="text-sm sm:sr-only">
        {done && <span className="text-emerald-800">{done}</span>}
      </div>
      {move.error && (
        <Alert tone="error" className="sm:basis-full">
          {isStaleVersion(move.error) ? 'Someone else changed this applicant meanwhile: the list has been reloaded.' : getErrorMessage(move.error)}
        </Alert>
      )}
    </form>
  );
}

import { CircleCheck, FileText, Send } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { paths } from '@/config/paths';
import { apiLimits } from '@/lib/api-limits.generated';
import { getErrorMessage } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useApply, useMyApplication, useMyResume } from '../api/applicants';

const maxNoteLength = apiLimits.schemas.ApplyThroughOttobon.note.maxLength;

type ApplyWithResumeProps = { jobId: string; jobTitle: string; isOpen: boolean };

/**
 * "Apply with my resume" on a provider's job: a short form (the resume it will send, an optional note). Once applied,
 * the seeker sees when instead; a job that closed meanwhile shows the application but takes no new one.
 */
export function ApplyWithResume({ jobId, jobTitle, isOpen }: ApplyWithResumeProps) {
  const application = useMyApplication(jobId);
  const [isFormOpen, setFormOpen] = useState(false);
  const openButtonRef = useRef<HTMLButtonElement>(null);

  if (application.isPending) return null;
  if (application.data) {
    return (
      <p className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-800">
        <CircleCheck aria-hidden="true" className="size-4" />
        Applied through Ottobon on {formatDate(application.data.applied_at)}
      </p>
    );
  }
  if (!isOpen) return null;

  if (!isFormOpen) {
    return (
      <Button ref={openButtonRef} onClick={() => setFormOpen(true)} aria-expanded={false}>
        <Send aria-hidden="true" className="size-4" />
        Apply with my resume
      </Button>
    );
  }
  return (
    <ApplyForm
      jobId={jobId}
      jobTitle={jobTitle}
      onCancel={() => {
        setFormOpen(false);
        setTimeout(() => openButtonRef.current?.focus());
      }}
    />
  );
}

function ApplyForm({ jobId, jobTitle, onCancel }: { jobId: string; jobTitle: string; onCancel: () => void }) {
  const headingId = useId();
  const resume = useMyResume(true);
  const apply = useApply(jobId);
  const [note, setNote] = useState('');
  const tooLong = note.length > maxNoteLength;

  return (
    <section aria-labelledby={headingId} className="w-full rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        Apply to {jobTitle}
      </h2>
      {resume.isPending && <p className="mt-2 text-sm text-slate-600">Loading your resume…</p>}
      {resume.data === null && (
        <Alert tone="warning" className="mt-3">
          You need a resume to apply. <Link to={paths.seeker.profile} className="font-semibold underline">Upload one on your profile</Link>.
        </Alert>
      )}
      {resume.data && (
        <form
          className="mt-3 space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!tooLong) apply.mutate(note);
          }}
        >
          <p className="flex items-center gap-2 text-sm text-slate-700">
            <FileText aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
            <span>
              The provider will see your resume <span className="font-semibold break-all">{resume.data.file_name}</span> as it is now.
            </span>
          </p>
          <TextAreaField
            label="Note to the provider (optional)"
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            hint={`${note.length}/${maxNoteLength} characters`}
            error={tooLong ? `The note may be at most ${maxNoteLength} characters.` : undefined}
          />
          {apply.error && <Alert tone="error">{getErrorMessage(apply.error)}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={apply.isPending || tooLong}>
              <Send aria-hidden="true" className="size-4" />
              {apply.isPending ? 'Sending…' : 'Send application'}
            </Button>
            <Button type="button" variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

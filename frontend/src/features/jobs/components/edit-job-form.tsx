import { RefreshCw } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { MarkdownDescriptionField } from '@/components/jobs/markdown-description-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { getErrorMessage } from '@/lib/api-client';
import { descriptionProblem, jobRules, shortTextProblem, titleProblem } from '@/lib/job-rules';
import { isStaleVersion, staleVersionMessage } from '@/lib/stream-version';
import type { JobDetails } from '@/types/api';
import { type JobChanges, type JobEdited, useUpdateJob } from '../api/update-job';

type EditJobFormProps = {
  job: JobDetails;
  onSaved: (edited: JobEdited) => void;
  onCancel: () => void;
  /** Load the job again (after someone else changed it); the form closes. */
  onReload: () => void;
};

type Failure = { stale: boolean; message: string };

type EditField = 'title' | 'location' | 'description_raw';
type EditErrors = Partial<Record<EditField, string>>;
const fieldOrder: EditField[] = ['title', 'location', 'description_raw'];

/**
 * The owner's (or an admin's) edit of a job's title, location and description. It edits the version the page
 * loaded: if the job changed since (an edit elsewhere, the AI finishing), the server says so and nothing is
 * overwritten; the person reloads and edits the current job. The fields are checked with the rules of posting.
 */
export function EditJobForm({ job, onSaved, onCancel, onReload }: EditJobFormProps) {
  const [title, setTitle] = useState(job.title);
  const [location, setLocation] = useState(job.location ?? '');
  const [description, setDescription] = useState(job.description_raw);
  const update = useUpdateJob(job);
  const isSaving = update.isPending;
  const [failure, setFailure] = useState<Failure | null>(null);
  const [errors, setErrors] = useState<EditErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: EditErrors = {
      title: titleProblem(title),
      location: shortTextProblem('Location', location),
      description_raw: descriptionProblem(description),
    };
    setErrors(found);
    const firstInvalid = fieldOrder.find((field) => found[field]);
    if (firstInvalid) {
      formRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    const changes: JobChanges = {};
    if (title.trim() !== job.title) changes.title = title.trim();
    if (location.trim() !== (job.location ?? '')) changes.location = location.trim();
    if (description.trim() !== job.description_raw) changes.description_raw = description.trim();

    setFailure(null);
    try {
      onSaved(await update.mutateAsync(changes));
    } catch (error) {
      setFailure({ stale: isStaleVersion(error), message: getErrorMessage(error) });
    }
  };

  return (
    <form
      ref={formRef}
      aria-label="Edit job"
      noValidate
      onSubmit={submit}
      className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-900/5 sm:p-6"
    >
      <TextField
        label="Job title"
        name="title"
        required
        maxLength={jobRules.maxTitleLength}
        error={errors.title}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        label="Location"
        name="location"
        maxLength={jobRules.maxShortTextLength}
        hint="Leave empty to show no location."
        error={errors.location}
        value={location}
        onChange={(e) => setLocation(e.target.value)}
      />
      <MarkdownDescriptionField
        label="Description"
        name="description_raw"
        rows={8}
        required
        maxLength={jobRules.maxDescriptionLength}
        hint={`At least ${jobRules.minDescriptionLength} characters. A changed description is prepared by the AI again.`}
        error={errors.description_raw}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />

      {failure?.stale && (
        <Alert tone="warning">
          <p className="font-semibold">{staleVersionMessage}</p>
          <p className="mt-1">Your changes were not saved. Reload it to see what changed, then edit again.</p>
          <Button variant="secondary" className="mt-2" onClick={onReload}>
            <RefreshCw aria-hidden="true" className="size-4" />
            Reload the job
          </Button>
        </Alert>
      )}
      {failure && !failure.stale && <Alert tone="error">{failure.message}</Alert>}

      <div className="flex flex-wrap gap-2">
        <Button type="submit" isLoading={isSaving}>
          Save changes
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={isSaving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

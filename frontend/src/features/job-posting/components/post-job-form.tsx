import { Send } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { MarkdownDescriptionField } from '@/components/jobs/markdown-description-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TagInput } from '@/components/ui/tag-input';
import { TextField } from '@/components/ui/text-field';
import { paths } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { flashState } from '@/lib/flash-notice';
import { jobRules, type PostJobErrors, type PostJobField, type PostJobInput, usePostJob, validatePostJob } from '../api/post-job';

const fieldOrder: PostJobField[] = ['title', 'company_name', 'location', 'description_raw', 'skills_required'];

const fieldIds: Record<PostJobField, string> = {
  title: 'post-job-title',
  company_name: 'post-job-company',
  location: 'post-job-location',
  description_raw: 'post-job-description',
  skills_required: 'post-job-skills',
};

/** Checked here with the server's own rules; on 202 the provider goes to My listings with a notice. */
export function PostJobForm() {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [skills, setSkills] = useState<string[]>([]);
  const [descriptionLength, setDescriptionLength] = useState(0);
  const [errors, setErrors] = useState<PostJobErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const post = usePostJob();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const input: PostJobInput = {
      title: text('title').trim(),
      description_raw: text('description_raw').trim(),
      skills_required: skills,
      company_name: text('company_name').trim() || undefined,
      location: text('location').trim() || undefined,
    };

    const found = validatePostJob(input);
    setErrors(found);
    setServerError(null);
    const firstInvalid = fieldOrder.find((field) => found[field]);
    if (firstInvalid) {
      formRef.current?.querySelector<HTMLElement>(`#${fieldIds[firstInvalid]}`)?.focus();
      return;
    }

    setSubmitting(true);
    try {
      const accepted = await post.mutateAsync(input);
      navigate(paths.provider.listings, {
        state: flashState(`“${input.title}” was posted. ${accepted.message}`),
      });
    } catch (error) {
      setServerError(getErrorMessage(error));
      setSubmitting(false);
    }
  }

  const clearError = (field: PostJobField) => {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
      {serverError && <Alert tone="error">{serverError}</Alert>}

      <TextField
        id={fieldIds.title}
        label="Job title"
        name="title"
        required
        maxLength={jobRules.maxTitleLength}
        placeholder="e.g. Junior Backend Developer"
        error={errors.title}
        onChange={() => clearError('title')}
      />

      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <TextField
          id={fieldIds.company_name}
          label="Company name"
          name="company_name"
          autoComplete="organization"
          maxLength={jobRules.maxShortTextLength}
          hint="Leave empty to post under your own name."
          error={errors.company_name}
          onChange={() => clearError('company_name')}
        />
        <TextField
          id={fieldIds.location}
          label="Location"
          name="location"
          maxLength={jobRules.maxShortTextLength}
          placeholder="e.g. Bengaluru, India or Remote"
          error={errors.location}
          onChange={() => clearError('location')}
        />
      </div>

      <MarkdownDescriptionField
        id={fieldIds.description_raw}
        label="Description"
        name="description_raw"
        rows={10}
        required
        maxLength={jobRules.maxDescriptionLength}
        hint={`What the person will do, what they need to know and what you offer. At least ${jobRules.minDescriptionLength} characters (${descriptionLength} so far).`}
        error={errors.description_raw}
        onChange={(event) => {
          setDescriptionLength(event.target.value.trim().length);
          clearError('description_raw');
        }}
      />

      <TagInput
        id={fieldIds.skills_required}
        label="Skills"
        value={skills}
        onChange={(next) => {
          setSkills(next);
          clearError('skills_required');
        }}
        placeholder="e.g. Node.js, SQL, Git"
        hint="Press Enter or type a comma after each skill. The AI adds any it finds in the description."
        error={errors.skills_required}
      />

      <div className="flex justify-end border-t border-slate-100 pt-5">
        <Button type="submit" isLoading={isSubmitting}>
          <Send aria-hidden="true" className="size-4" />
          Post job
        </Button>
      </div>
    </form>
  );
}

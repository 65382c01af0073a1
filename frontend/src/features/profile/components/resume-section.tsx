import { CircleCheck, Download, FileText, LoaderCircle, UploadCloud } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ChipList } from '@/components/ui/chip-list';
import { Spinner } from '@/components/ui/spinner';
import { env } from '@/config/env';
import { getErrorMessage } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { queryRoots } from '@/lib/query-keys';
import {
  checkResumeFile,
  formatFileSize,
  type MyResume,
  resumeAccept,
  resumeDownloadHref,
  type ResumeUploaded,
  useMyResume,
  useUploadResume,
} from '../api/resume';
import { useMyProfile } from '../api/get-my-profile';

type Upload =
  | { status: 'idle' }
  | { status: 'sending'; fileName: string; percent: number }
  | { status: 'done'; result: ResumeUploaded }
  | { status: 'error'; message: string };

/**
 * The seeker's resume: what is on file (name, size, date, download link, the skills read from it) and an
 * upload area that takes a dropped file or one chosen with the button. The first upload is a POST, later
 * ones a PUT that replaces it. The server reads the text and skills; its message is shown as it is.
 */
export function ResumeSection() {
  const inputId = useId();
  const hintId = useId();
  // The profile (the page's own query) says whether there is a resume to ask for.
  const profile = useMyProfile();
  const onFile = profile.data?.profile.has_resume === true;
  const resume = useMyResume(onFile);
  const uploadMutation = useUploadResume();
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<Upload>({ status: 'idle' });
  const [isDragging, setDragging] = useState(false);
  const controllerRef = useRef<AbortController | null>(null);

  const hasResume = resume.status === 'success';
  const isLoading = profile.isPending || (onFile && resume.isPending);
  const current = resume.data;
  const isSending = upload.status === 'sending';

  // The query follows the embedding until it is ready. It is recorded on the seeker's stream too (the profile's
  // version moves) and makes recommendations and fit possible: look at the seeker's data again once it is ready.
  const embeddingReady = current?.embedding_ready;
  const wasPreparing = useRef(false);
  useEffect(() => {
    if (embeddingReady === false) wasPreparing.current = true;
    if (embeddingReady && wasPreparing.current) {
      wasPreparing.current = false;
      void queryClient.invalidateQueries({ queryKey: queryRoots.me });
    }
  }, [embeddingReady, queryClient]);

  // Leaving the page stops an upload in flight.
  useEffect(() => () => controllerRef.current?.abort(), []);

  const send = async (file: File) => {
    if (isSending) return;
    const problem = checkResumeFile(file);
    if (problem) {
      setUpload({ status: 'error', message: problem });
      return;
    }
    const controller = new AbortController();
    controllerRef.current = controller;
    setUpload({ status: 'sending', fileName: file.name, percent: 0 });
    try {
      const result = await uploadMutation.mutateAsync({
        file,
        // Replace only when there is one on file; if we couldn't tell, the server decides.
        replace: hasResume,
        signal: controller.signal,
        onProgress: (percent) =>
          setUpload((state) => (state.status === 'sending' ? { ...state, percent } : state)),
      });
      setUpload({ status: 'done', result });
    } catch (error) {
      if (controller.signal.aborted) {
        setUpload({ status: 'idle' });
        return;
      }
      setUpload({ status: 'error', message: getErrorMessage(error) });
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  };

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Choosing the same file again should upload it again.
    event.target.value = '';
    if (file) void send(file);
  };

  const dragProps = {
    onDragEnter: (event: DragEvent) => {
      event.preventDefault();
      if (!isSending) setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = isSending ? 'none' : 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      // Moving over a child fires dragleave on the zone too; only leaving the zone counts.
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer.files?.[0];
      if (file) void send(file);
    },
  };

  return (
    <section aria-labelledby="resume-title" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-900/5">
      <h2 id="resume-title" className="text-lg font-semibold text-slate-900">
        Resume
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        We read the skills in your resume to show how well you fit each job and which jobs to look at first.
      </p>

      {isLoading && (
        <p role="status" className="mt-4 flex items-center gap-2 text-sm text-slate-500">
          <Spinner size="sm" /> Loading your resume
        </p>
      )}
      {resume.status === 'error' && (
        <Alert tone="error" className="mt-4">
          We couldn't load your resume. {resume.error?.message}
        </Alert>
      )}
      {current && <CurrentResume resume={current} />}
      {!current && upload.status === 'done' && upload.result.skills.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-medium text-slate-700">Skills found in your resume</h3>
          <div className="mt-2">
            <ChipList label="Skills found in your resume" items={upload.result.skills} size="md" />
          </div>
        </div>
      )}

      <div
        {...dragProps}
        role="group"
        aria-label={hasResume ? 'Replace your resume' : 'Upload your resume'}
        data-dragging={isDragging || undefined}
        className={`mt-5 rounded-xl border-2 border-dashed px-4 py-6 text-center transition-colors ${
          isDragging ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-slate-50'
        }`}
      >
        <UploadCloud aria-hidden="true" className="mx-auto size-8 text-slate-400" />
        <p className="mt-2 text-sm text-slate-700">
          {isDragging ? 'Drop it here' : `Drag and drop ${hasResume ? 'a new resume' : 'your resume'} here, or`}
        </p>
        <input
          id={inputId}
          type="file"
          accept={resumeAccept}
          className="peer sr-only"
          aria-describedby={hintId}
          disabled={isSending}
          onChange={handleChange}
        />
        <label
          htmlFor={inputId}
          className="mt-2 inline-flex cursor-pointer items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600 peer-disabled:cursor-not-allowed peer-disabled:text-slate-400 hover:bg-slate-50"
        >
          <FileText aria-hidden="true" className="size-4" />
          {hasResume ? 'Choose a new file' : 'Choose a file'}
        </label>
        <p id={hintId} className="mt-2 text-xs text-slate-500">
          PDF or Word (.docx), up to 5 MB.{hasResume && ' It replaces the one on file.'}
        </p>
      </div>

      {upload.status === 'sending' && (
        <div className="mt-4 space-y-2">
          <div className="flex items-center justify-between gap-3 text-sm">
            <span className="min-w-0 truncate text-slate-700">
              {upload.percent < 100 ? `Uploading ${upload.fileName}…` : `Reading ${upload.fileName}…`}
            </span>
            <span className="font-medium text-slate-900 tabular-nums">{upload.percent}%</span>
          </div>
          <div
            role="progressbar"
            aria-label="Resume upload"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={upload.percent}
            aria-valuetext={upload.percent < 100 ? `${upload.percent}%` : 'Uploaded; reading the resume'}
            className="h-2 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-indigo-600 transition-[width]" style={{ width: `${upload.percent}%` }} />
          </div>
          <Button variant="ghost" onClick={() => controllerRef.current?.abort()}>
            Cancel upload
          </Button>
        </div>
      )}
      {upload.status === 'error' && (
        <Alert tone="error" className="mt-4">
          {upload.message}
        </Alert>
      )}
      {upload.status === 'done' && (
        <Alert tone="success" className="mt-4">
          {upload.result.message}: {upload.result.characters_extracted.toLocaleString()} characters read from{' '}
          {upload.result.file_name}.
        </Alert>
      )}
    </section>
  );
}

function CurrentResume({ resume }: { resume: MyResume }) {
  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-wrap items-center gap-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset">
        <FileText aria-hidden="true" className="size-8 shrink-0 text-indigo-500" />
        <div className="min-w-0 flex-1">
          <p className="font-medium break-all text-slate-900">{resume.file_name}</p>
          <p className="text-xs text-slate-600">
            {resume.format.toUpperCase()} · {formatFileSize(resume.size_bytes)} · Uploaded{' '}
            <time dateTime={resume.uploaded_at}>{formatDate(resume.uploaded_at)}</time>
          </p>
        </div>
        {resume.embedding_ready ? (
          <Badge tone="success">
            <CircleCheck aria-hidden="true" className="size-3" />
            Ready for matching
          </Badge>
        ) : (
          <Badge tone="info">
            <LoaderCircle aria-hidden="true" className="size-3 animate-spin motion-reduce:animate-none" />
            Preparing for matching
          </Badge>
        )}
        <a
          href={resumeDownloadHref(resume.download_url, env.apiBaseUrl)}
          download={resume.file_name}
          aria-label={`Download ${resume.file_name}`}
          className="inline-flex items-center gap-2 rounded-lg bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <Download aria-hidden="true" className="size-4" />
          Download
        </a>
      </div>
      <div>
        <h3 className="text-sm font-medium text-slate-700">Skills found in your resume</h3>
        <div className="mt-2">
          {resume.skills.length > 0 ? (
            <ChipList label="Skills found in your resume" items={resume.skills} size="md" />
          ) : (
            <p className="text-sm text-slate-600">We didn't find any skills we know. Check that your resume lists them as text.</p>
          )}
        </div>
      </div>
    </div>
  );
}

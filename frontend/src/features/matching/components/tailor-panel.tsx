import { Download, FileText, PenLine, Sparkles } from 'lucide-react';
import { useId, useState } from 'react';
import { Markdown } from '@/components/markdown/markdown';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { TextAreaField } from '@/components/ui/text-area-field';
import { getErrorMessage } from '@/lib/api-client';
import { isStaleVersion } from '@/lib/stream-version';
import {
  type TailoredVersion,
  type TailoringCoverage,
  type TailoringDocument,
  type TailoringFormat,
  downloadDraft,
  useSaveDraft,
  useTailoredVersion,
  useTailoredVersions,
  useTailoringCoverage,
  useWriteDraft,
} from '../api/tailoring';

const points = (gain: number) => `+${(gain * 100).toFixed(1)} points`;

/** "Tailor my resume": the keyword coverage report, then drafts written for this job, editable and downloadable. */
export function TailorPanel({ jobId }: { jobId: string }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-8 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          Tailor my resume
        </h2>
        <Button variant={open ? 'secondary' : 'primary'} aria-expanded={open} onClick={() => setOpen(!open)}>
          <PenLine aria-hidden="true" className="size-4" />
          {open ? 'Hide' : 'Tailor my resume'}
        </Button>
      </div>
      {open && <TailorWorkspace jobId={jobId} />}
    </section>
  );
}

function TailorWorkspace({ jobId }: { jobId: string }) {
  const coverage = useTailoringCoverage(jobId);
  const versions = useTailoredVersions(jobId);
  const write = useWriteDraft(jobId);
  const [selected, setSelected] = useState<string | undefined>();
  const current = selected ?? versions.data?.versions[0]?.id;

  return (
    <div className="mt-4 space-y-6">
      {coverage.isPending && <Loading label="Reading your resume against the job" />}
      {coverage.isError && <Alert tone="error">{coverage.error.message}</Alert>}
      {coverage.data && <CoverageReport report={coverage.data} />}

      <div className="flex flex-wrap items-center gap-3">
        <Button
          isLoading={write.isPending}
          onClick={() => write.mutate(undefined, { onSuccess: (version) => setSelected(version.id) })}
        >
          <Sparkles aria-hidden="true" className="size-4" />
          Write a tailored draft
        </Button>
        {write.isError && <p role="alert" className="text-sm text-red-700">{write.error.message}</p>}
      </div>

      {versions.data && versions.data.versions.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Your versions for this job</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {versions.data.versions.map((v, index) => (
              <li key={v.id}>
                <button
                  type="button"
                  aria-pressed={v.id === current}
                  onClick={() => setSelected(v.id)}
                  className={`rounded-lg px-3 py-1.5 text-sm ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                    v.id === current ? 'bg-indigo-50 text-indigo-800 ring-indigo-300' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
                  }`}
                >
                  {index === 0 ? 'Newest' : `Version ${versions.data.versions.length - index}`} ·{' '}
                  {new Date(v.edited_at ?? v.written_at).toLocaleString()} · {v.author === 'local' ? 'local draft' : 'OpenAI'}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {current && <DraftEditor key={current} jobId={jobId} versionId={current} />}
    </div>
  );
}

export function CoverageReport({ report }: { report: TailoringCoverage }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">On your resume</h3>
        {report.present.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">None of the job's keywords yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {report.present.map((p) => (
              <li key={p.keyword} className="text-sm text-slate-700">
                <span className="font-medium text-slate-900">{p.keyword}</span>
                {p.found_at.length > 0 && (
                  <span className="text-slate-600">
                    {' '}
                    in {p.found_at.map((l) => `${l.section || 'the top'} (line ${l.line})`).join(', ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Missing</h3>
        {report.missing.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Nothing: your resume names every keyword.</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            {report.missing.map((m) => (
              <li key={m.keyword}>
                <Badge tone={m.source === 'job_skills' ? 'warning' : 'neutral'}>
                  {m.keyword}
                  {m.score_gain > 0 ? ` ${points(m.score_gain)}` : ''}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
      {report.strengthen.length > 0 && (
        <div className="md:col-span-2">
          <h3 className="text-sm font-semibold text-slate-900">Lines to strengthen first</h3>
          <p className="text-sm text-slate-600">Add a keyword only where you really used it.</p>
          <ol className="mt-2 space-y-2">
            {report.strengthen.map((s) => (
              <li key={s.line} className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
                <p className="break-words">
                  <span className="font-medium text-slate-900">{s.section || 'Top'}, line {s.line}:</span> {s.text}
                </p>
                <p className="mt-1 text-slate-600">
                  Could name {s.keywords.join(', ')} ({points(s.score_gain)})
                </p>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

/** Keyed by the version: opening another one starts its editor afresh; a save keeps the text typed (it is what was saved). */
function DraftEditor({ jobId, versionId }: { jobId: string; versionId: string }) {
  const version = useTailoredVersion(jobId, versionId);
  if (version.isPending) return <Loading label="Opening the draft" />;
  if (version.isError) return <Alert tone="error">{version.error.message}</Alert>;
  return <DraftForm jobId={jobId} version={version.data} />;
}

export function DraftForm({ jobId, version }: { jobId: string; version: TailoredVersion }) {
  const save = useSaveDraft(jobId, version.id);
  const [resume, setResume] = useState(version.resume_markdown);
  const [letter, setLetter] = useState(version.cover_letter_markdown);
  const [downloadError, setDownloadError] = useState<string>();
  const changed = resume !== version.resume_markdown || letter !== version.cover_letter_markdown;

  const download = (document: TailoringDocument, format: TailoringFormat) =>
    downloadDraft(jobId, version.id, document, format).catch((error: unknown) => setDownloadError(getErrorMessage(error)));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={version.local_draft ? 'neutral' : 'info'}>{version.local_draft ? 'Local draft' : `Written by OpenAI (${version.model})`}</Badge>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">What changed</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {version.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <TextAreaField label="Resume (Markdown)" rows={16} value={resume} onChange={(e) => setResume(e.target.value)} />
        <div>
          <p className="text-sm font-medium text-slate-900">Preview</p>
          <div className="mt-1 max-h-96 overflow-y-auto rounded-lg p-3 text-sm ring-1 ring-slate-200">
            <Markdown text={resume} headings />
          </div>
        </div>
        <TextAreaField label="Cover letter (Markdown)" rows={10} value={letter} onChange={(e) => setLetter(e.target.value)} />
        <div>
          <p className="text-sm font-medium text-slate-900">Preview</p>
          <div className="mt-1 max-h-96 overflow-y-auto rounded-lg p-3 text-sm ring-1 ring-slate-200">
            <Markdown text={letter} />
          </div>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          disabled={!changed}
          isLoading={save.isPending}
          onClick={() => save.mutate({ edit: { resume_markdown: resume, cover_letter_markdown: letter }, version: version.stream_version })}
        >
          Save
        </Button>
        <Button variant="secondary" onClick={() => void download('resume', 'docx')}>
          <Download aria-hidden="true" className="size-4" />
          Resume DOCX
        </Button>
        <Button variant="secondary" onClick={() => void download('resume', 'pdf')}>
          <FileText aria-hidden="true" className="size-4" />
          Resume PDF
        </Button>
        <Button variant="secondary" onClick={() => void download('cover_letter', 'docx')}>
          <Download aria-hidden="true" className="size-4" />
          Letter DOCX
        </Button>
        <Button variant="secondary" onClick={() => void download('cover_letter', 'pdf')}>
          <FileText aria-hidden="true" className="size-4" />
          Letter PDF
        </Button>
      </div>
      {save.isSuccess && !changed && <p role="status" className="text-sm text-emerald-800">Saved.</p>}
      {save.isError && (
        <p role="alert" className="text-sm text-red-700">
          {isStaleVersion(save.error) ? 'This draft changed since you opened it: reload the version and edit again.' : save.error.message}
        </p>
      )}
      {downloadError && <p role="alert" className="text-sm text-red-700">{downloadError}</p>}
    </div>
  );
}

function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
      <Spinner size="sm" />
      {label}…
    </p>
  );
}

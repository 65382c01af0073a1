import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiGet, apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import { ifMatch } from '@/lib/stream-version';

// The shapes of the tailoring endpoints (GET /api/jobs/{jobId}/tailoring/...), as the API's records serialise them.
// TODO(lead): swap for Schemas['TailoringCoverage'] etc. once frontend/openapi.json is regenerated with them.
export type KeywordLocation = { line: number; section: string; text: string };
export type TailoringCoverage = {
  job_id: string;
  present: { keyword: string; source: string; found_at: KeywordLocation[] }[];
  missing: { keyword: string; source: string; score_gain: number }[];
  strengthen: { line: number; section: string; text: string; keywords: string[]; score_gain: number }[];
  fit_score: number | null;
  fit_score_with_all: number | null;
};
export type TailoredVersion = {
  id: string;
  job_id: string;
  author: 'openai' | 'local';
  local_draft: boolean;
  model: string;
  resume_markdown: string;
  cover_letter_markdown: string;
  changes: string[];
  written_at: string;
  edited_at: string | null;
  stream_version: number;
};
export type TailoredVersionList = {
  job_id: string;
  stream_version: number;
  versions: { id: string; author: 'openai' | 'local'; model: string; written_at: string; edited_at: string | null; changes: number }[];
};
export type TailoringDocument = 'resume' | 'cover_letter';
export type TailoringFormat = 'docx' | 'pdf';

const base = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}/tailoring`;
const tailoringKey = (jobId: string) => [...queryRoots.me, 'tailoring', jobId] as const;

/** The keyword coverage report: computed on the server from the resume and the job, instantly. */
export function useTailoringCoverage(jobId: string) {
  return useQuery({
    queryKey: [...tailoringKey(jobId), 'coverage'],
    queryFn: ({ signal }) => apiGet<TailoringCoverage>(`${base(jobId)}/coverage`, { signal }),
  });
}

export function useTailoredVersions(jobId: string) {
  return useQuery({
    queryKey: [...tailoringKey(jobId), 'versions'],
    queryFn: ({ signal }) => apiGet<TailoredVersionList>(`${base(jobId)}/drafts`, { signal }),
  });
}

export function useTailoredVersion(jobId: string, versionId: string | undefined) {
  return useQuery({
    queryKey: [...tailoringKey(jobId), 'version', versionId ?? ''],
    queryFn: ({ signal }) => apiGet<TailoredVersion>(`${base(jobId)}/drafts/${encodeURIComponent(versionId ?? '')}`, { signal }),
    enabled: !!versionId,
  });
}

export function useWriteDraft(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: apiRequest<void, TailoredVersion>(async () => (await api.post<TailoredVersion>(`${base(jobId)}/drafts`)).data),
    onSuccess: (version) => {
      client.setQueryData([...tailoringKey(jobId), 'version', version.id], version);
      void client.invalidateQueries({ queryKey: [...tailoringKey(jobId), 'versions'] });
    },
  });
}

export type DraftEdit = { resume_markdown: string; cover_letter_markdown: string };

/** Saves with the version the seeker loaded (If-Match): an edit of a stale copy is refused with 412. */
export function useSaveDraft(jobId: string, versionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: apiRequest<{ edit: DraftEdit; version: number }, TailoredVersion>(async ({ edit, version }) =>
      (await api.put<TailoredVersion>(`${base(jobId)}/drafts/${encodeURIComponent(versionId)}`, edit, { headers: ifMatch(version) })).data,
    ),
    onSuccess: (saved) => {
      client.setQueryData([...tailoringKey(jobId), 'version', saved.id], saved);
      void client.invalidateQueries({ queryKey: [...tailoringKey(jobId), 'versions'] });
    },
  });
}

/** The file comes through the API client (it carries the sign-in), then is handed to the browser as a download. */
export async function downloadDraft(jobId: string, versionId: string, document: TailoringDocument, format: TailoringFormat) {
  const response = await apiRequest(() =>
    api.get<Blob>(`${base(jobId)}/drafts/${encodeURIComponent(versionId)}/download`, { params: { document, format }, responseType: 'blob' }),
  )(undefined);
  const url = URL.createObjectURL(response.data);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = `${document === 'resume' ? 'tailored-resume' : 'cover-letter'}.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}

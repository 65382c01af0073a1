import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AxiosProgressEvent } from 'axios';
import { useRef } from 'react';
import { api } from '@/lib/api-client';
import { apiLimits } from '@/lib/api-limits.generated';
import { apiGet, apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import type { Schemas } from '@/types/api';
import { profileKeys } from './query-keys';

/**
 * GET /api/users/me/resume (404 when the seeker hasn't uploaded one: the profile's `has_resume` says so first);
 * `download_url` works without a token until `expires_at`.
 */
export type MyResume = Schemas['MyResumeResponse'];

/** 200 from POST/PUT /api/users/resume */
export type ResumeUploaded = Schemas['ResumeProcessed'];

export const resumeMaxBytes = apiLimits.operations.uploadResume.file.maxBytes;
export const resumeExtensions = ['.pdf', '.docx'] as const;
export const resumeAccept =
  '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** While the resume is being prepared for matching, look again this often (at most `embeddingChecks` times a visit). */
export const embeddingRefreshMs = 3000;
export const embeddingChecks = 40;
/** The download link works for 15 minutes: a fresh one is fetched this long before it runs out. */
const linkRenewalMs = 30_000;
const linkLifetimeMs = 15 * 60_000;

/**
 * GET /api/users/me/resume, asked only when the profile says there is one (`onFile`), so a seeker without a resume
 * sees no failed request. The query follows the embedding until the resume is ready for matching, and renews the
 * download link before it expires.
 */
export function useMyResume(onFile: boolean) {
  // The answer count when the resume was first seen not ready: the checks of this visit are counted from it.
  const preparingSince = useRef<number | null>(null);
  return useQuery({
    queryKey: profileKeys.resume(),
    queryFn: ({ signal }) => apiGet<MyResume>('/users/me/resume', { signal }),
    enabled: onFile,
    staleTime: 0,
    refetchInterval: (query) => {
      const resume = query.state.data;
      if (!resume) return false;
      if (!resume.embedding_ready) {
        preparingSince.current ??= query.state.dataUpdateCount;
        if (query.state.dataUpdateCount - preparingSince.current < embeddingChecks) return embeddingRefreshMs;
      } else {
        preparingSince.current = null;
      }
      const msLeft = new Date(resume.expires_at).getTime() - Date.now();
      // (At most one link lifetime: a far-off date must not overflow the timer.)
      return Number.isFinite(msLeft) ? Math.min(Math.max(msLeft - linkRenewalMs, 5_000), linkLifetimeMs) : false;
    },
  });
}

/** What's wrong with a file before sending it (the server checks again), or null. */
export function checkResumeFile(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!resumeExtensions.some((extension) => name.endsWith(extension))) return 'Choose a PDF or Word (.docx) file.';
  if (file.size > resumeMaxBytes) return `That file is ${formatFileSize(file.size)}; the limit is ${resumeMaxBytes / (1024 * 1024)} MB.`;
  if (file.size === 0) return 'That file is empty.';
  return null;
}

type UploadOptions = {
  /** PUT replaces the current resume; POST is the first upload. */
  replace: boolean;
  /** 0–100 while the file is sent. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
};

/** POST (first upload) or PUT (replace) /api/users/resume, multipart with the file in `file`. */
export async function uploadResume(file: File, { replace, onProgress, signal }: UploadOptions): Promise<ResumeUploaded> {
  const form = new FormData();
  form.append('file', file);
  const response = await api.request<ResumeUploaded>({
    method: replace ? 'PUT' : 'POST',
    url: '/users/resume',
    data: form,
    signal,
    onUploadProgress: (event: AxiosProgressEvent) => {
      if (!onProgress) return;
      const total = event.total ?? file.size;
      onProgress(total > 0 ? Math.min(100, Math.round((event.loaded / total) * 100)) : 0);
    },
  });
  return response.data;
}

/**
 * Uploads a resume; afterwards everything about the seeker is looked at again: the resume, the profile (resume
 * events move its version) and what is computed from the resume (recommendations, fit).
 */
export function useUploadResume() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(({ file, ...options }: UploadOptions & { file: File }) => uploadResume(file, options)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryRoots.me }),
  });
}

/** The download link as the browser should open it: root-relative and absolute URLs as they are. */
export function resumeDownloadHref(downloadUrl: string, apiBaseUrl: string): string {
  if (/^(https?:)?\/\//i.test(downloadUrl) || downloadUrl.startsWith('/')) return downloadUrl;
  return `${apiBaseUrl.replace(/\/$/, '')}/${downloadUrl}`;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

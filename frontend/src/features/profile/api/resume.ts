import type { AxiosProgressEvent } from 'axios';
import { api } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';
import { apiLimits } from '@/lib/api-limits.generated';
import type { Schemas } from '@/types/api';

/** GET /api/users/me/resume (404 when the seeker hasn't uploaded one); `download_url` works without a token until `expires_at`. */
export type MyResume = Schemas['MyResumeResponse'];

/** 200 from POST/PUT /api/users/resume */
export type ResumeUploaded = Schemas['ResumeProcessed'];

export const resumeMaxBytes = apiLimits.operations.uploadResume.file.maxBytes;
export const resumeExtensions = ['.pdf', '.docx'] as const;
export const resumeAccept =
  '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function useMyResume() {
  return useApiQuery<MyResume>({ url: '/users/me/resume' });
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

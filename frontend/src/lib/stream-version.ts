import { isAxiosError } from 'axios';
import { ApiError } from './api-error';

/**
 * Edits carry the version the person saw (the ETag of what they loaded) as If-Match; the server refuses an edit of
 * something that changed since then with 412 instead of overwriting the other change.
 */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** The server refused the change because the thing changed since it was loaded (412 Precondition Failed). */
export function isStaleVersion(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 412;
  return isAxiosError(error) && error.response?.status === 412;
}

export const staleVersionMessage = 'This job changed since you opened it.';

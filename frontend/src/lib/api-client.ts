import axios, { AxiosHeaders, type AxiosInstance, isAxiosError } from 'axios';
import { env } from '@/config/env';
import { tokenStorage } from '@/lib/auth/token-storage';
import type { ApiErrorBody } from '@/types/api';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** How many times this request has already been retried after a 503. */
    retryAttempt?: number;
  }
}

/** Exponential backoff for 503 responses; the number of delays is the number of retries. */
export const defaultRetryDelaysMs: readonly number[] = [300, 600, 1200];

export type ApiClientOptions = {
  baseURL?: string;
  getToken: () => string | null;
  /** Called when a request that carried a token comes back 401 (the session is no longer valid). */
  onUnauthorized: () => void;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
};

const waitFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createApiClient({
  baseURL = env.apiBaseUrl,
  getToken,
  onUnauthorized,
  retryDelaysMs = defaultRetryDelaysMs,
  sleep = waitFor,
}: ApiClientOptions): AxiosInstance {
  const client = axios.create({
    baseURL,
    headers: { Accept: 'application/json' },
  });

  client.interceptors.request.use((config) => {
    const token = getToken();
    if (token) config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });

  client.interceptors.response.use(undefined, async (error: unknown) => {
    if (!isAxiosError(error) || !error.config) throw error;
    const status = error.response?.status;

    // A 401 on a request without a token is just a failed sign-in; the page shows its detail.
    if (status === 401 && AxiosHeaders.from(error.config.headers).has('Authorization')) {
      onUnauthorized();
      throw error;
    }

    const attempt = error.config.retryAttempt ?? 0;
    if (status === 503 && attempt < retryDelaysMs.length) {
      await sleep(retryDelaysMs[attempt]);
      return client.request({ ...error.config, retryAttempt: attempt + 1 });
    }

    throw error;
  });

  return client;
}

let handleUnauthorized: () => void = () => {};

/** The auth provider registers how to sign out when the API says the session is no longer valid. */
export function setUnauthorizedHandler(handler: () => void): () => void {
  handleUnauthorized = handler;
  return () => {
    if (handleUnauthorized === handler) handleUnauthorized = () => {};
  };
}

/** The one client the whole app uses. */
export const api = createApiClient({
  getToken: () => tokenStorage.get(),
  onUnauthorized: () => handleUnauthorized(),
});

/** A message fit to show the user: the server's `detail` when it sent one. */
export function getErrorMessage(error: unknown): string {
  if (!isAxiosError<ApiErrorBody>(error)) return 'Something went wrong. Please try again.';

  const body = error.response?.data;
  if (typeof body?.detail === 'string' && body.detail.trim()) return body.detail;
  if (typeof body?.title === 'string' && body.title.trim()) return body.title;
  if (!error.response) return "We couldn't reach the server. Check your connection and try again.";
  return messageForStatus(error.response.status);
}

function messageForStatus(status: number): string {
  if (status === 401) return 'Please sign in again.';
  if (status === 403) return "You don't have permission to do that.";
  if (status === 404) return "We couldn't find what you asked for.";
  if (status === 413) return 'That file is too large.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status === 503) return 'The service is busy right now. Please try again shortly.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `The request failed (status ${status}).`;
}

import axios, { AxiosHeaders, type AxiosInstance, isAxiosError } from 'axios';
import { env } from '@/config/env';
import { freshAccessToken, refreshSession } from '@/lib/auth/session-refresh';
import { tokenStorage } from '@/lib/auth/token-storage';
import type { ApiErrorBody } from '@/types/api';
import { ApiError } from './api-error';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** How many times this request has already been retried after a 503. */
    retryAttempt?: number;
    /** Set on the one retry after a 401 was answered by refreshing the session. */
    refreshedOnce?: boolean;
  }
}

/** Exponential backoff for 503 responses; the number of delays is the number of retries. */
export const defaultRetryDelaysMs: readonly number[] = [300, 600, 1200];

export type ApiClientOptions = {
  baseURL?: string;
  /** The access token for the next request (may refresh it first when it is about to expire). */
  getToken: () => string | null | Promise<string | null>;
  /** Gets a new token pair after a 401; resolves whether it did. Without it a 401 signs out at once. */
  refresh?: () => Promise<boolean>;
  /** Called when a request that carried a token comes back 401 and refreshing did not help (the session is over). */
  onUnauthorized: () => void;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
};

const waitFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createApiClient({
  baseURL = env.apiBaseUrl,
  getToken,
  refresh,
  onUnauthorized,
  retryDelaysMs = defaultRetryDelaysMs,
  sleep = waitFor,
}: ApiClientOptions): AxiosInstance {
  const client = axios.create({
    baseURL,
    headers: { Accept: 'application/json' },
  });

  client.interceptors.request.use(async (config) => {
    const token = await getToken();
    if (token) config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });

  client.interceptors.response.use(undefined, async (error: unknown) => {
    if (!isAxiosError(error) || !error.config) throw error;
    const status = error.response?.status;

    // A 401 on a request without a token is just a failed sign-in; the page shows its detail. With a token, the
    // access token may have lapsed: refresh once and retry, and sign out only when that does not help.
    if (status === 401 && AxiosHeaders.from(error.config.headers).has('Authorization')) {
      if (!error.config.refreshedOnce && refresh && (await refresh())) {
        return client.request({ ...error.config, refreshedOnce: true });
      }
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
  getToken: () => (tokenStorage.hasSession() ? freshAccessToken() : null),
  refresh: refreshSession,
  onUnauthorized: () => handleUnauthorized(),
});

/** A message fit to show the user: the server's `detail` when it sent one. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
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

/** Any failure of a request made with the client, as the error type the data layer reports. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const response = isAxiosError(error) ? error.response : undefined;
  return new ApiError(getErrorMessage(error), response?.status ?? null, response?.data, error);
}

import { isAxiosError, isCancel } from 'axios';
import { useCallback, useEffect, useState } from 'react';
import { api, getErrorMessage } from './api-client';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** A GET request. `null` means "nothing to load yet". */
export type ApiRequest = { url: string; params?: QueryParams };

export type QueryError = { message: string; status: number | null };

export type QueryResult<T> = {
  /** `idle` when there is no request; `loading` until the current request first answers. */
  status: 'idle' | 'loading' | 'error' | 'success';
  /** The answer to the current request (or, with keepPreviousData, to the one before while this one loads). */
  data: T | undefined;
  error: QueryError | null;
  /** A request is on its way (also while reloading or while previous data is shown). */
  isFetching: boolean;
  reload: () => void;
};

type Settled<T> = { requestId: string; key: string; data: T | undefined; error: QueryError | null };

/**
 * Loads a GET request through the app's API client and follows its inputs: when the url or params change,
 * the earlier request is cancelled and its answer ignored. Empty params (null, undefined, '') are left out.
 */
export function useApiQuery<T>(
  request: ApiRequest | null,
  { keepPreviousData = false }: { keepPreviousData?: boolean } = {},
): QueryResult<T> {
  const key = request ? requestKey(request) : null;
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const requestId = key === null ? null : `${attempt}:${key}`;

  useEffect(() => {
    if (key === null || requestId === null) return;
    const { url, params } = JSON.parse(key) as Required<ApiRequest>;
    const controller = new AbortController();
    api
      .get<T>(url, { params, signal: controller.signal })
      .then((response) => setSettled({ requestId, key, data: response.data, error: null }))
      .catch((error: unknown) => {
        if (isCancel(error) || controller.signal.aborted) return;
        const status = isAxiosError(error) ? (error.response?.status ?? null) : null;
        setSettled((previous) => ({
          requestId,
          key,
          // Keep showing what was there (e.g. while polling) only for the same request.
          data: previous?.key === key ? previous.data : undefined,
          error: { message: getErrorMessage(error), status },
        }));
      });
    return () => controller.abort();
  }, [key, requestId]);

  const reload = useCallback(() => setAttempt((current) => current + 1), []);

  if (key === null) return { status: 'idle', data: undefined, error: null, isFetching: false, reload };

  const isFetching = settled?.requestId !== requestId;
  const sameKey = settled?.key === key;
  const data = sameKey || keepPreviousData ? settled?.data : undefined;
  const error = !isFetching && settled?.error ? settled.error : null;
  const status = error ? 'error' : sameKey && settled?.data !== undefined ? 'success' : 'loading';
  return { status, data, error, isFetching, reload };
}

function requestKey({ url, params = {} }: ApiRequest): string {
  const kept = Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );
  return JSON.stringify({ url, params: kept });
}

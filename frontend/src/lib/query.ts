import { QueryClient } from '@tanstack/react-query';
import { api, toApiError } from './api-client';
import { ApiError } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    // Queries and mutations go through `apiGet` / `apiRequest`, which report every failure as an ApiError.
    defaultError: ApiError;
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** GET through the app's API client (auth, refresh on 401, 503 backoff). Empty params (null, undefined, '') are left out. */
export async function apiGet<T>(url: string, { params, signal }: { params?: QueryParams; signal?: AbortSignal } = {}): Promise<T> {
  try {
    const response = await api.get<T>(url, { params: params && withoutEmpty(params), signal });
    return response.data;
  } catch (error) {
    throw toApiError(error);
  }
}

/** A request function (usually a mutation's) whose failures are ApiErrors, like every query's. */
export function apiRequest<TVariables, T>(request: (variables: TVariables) => Promise<T>): (variables: TVariables) => Promise<T> {
  return async (variables) => {
    try {
      return await request(variables);
    } catch (error) {
      throw toApiError(error);
    }
  };
}

function withoutEmpty(params: QueryParams): QueryParams {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}

/** Worth asking again: the server was not reached, or a gateway in front of it failed (the client already backs off on 503). */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === null || error.status === 502 || error.status === 504);
}

/** A 4xx (or any answer the server meant) is final; a transient failure is tried twice more. */
export const queryRetries = 2;

/**
 * The app's cache of server state. Data counts as fresh for 30 s unless a query says otherwise (`staleTime` is set
 * per kind of data in each feature's query options); mutations are never retried on their own.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => isTransient(error) && failureCount < queryRetries,
      },
      mutations: { retry: false },
    },
  });
}

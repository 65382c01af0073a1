import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';
import { apiRequest } from './query';
import type { Narrowed, Schemas } from '@/types/api';

export type AlertFrequency = 'instant' | 'daily' | 'off';
export type SavedSearchKind = 'browse' | 'smart' | 'recommended';

/** Browse's filters as the feed's query string names them. */
export type BrowseFilters = Partial<Schemas['BrowseFilters']>;

/** An item of GET /api/saved-searches. */
export type SavedSearch = Narrowed<Schemas['SavedSearchResponse'], { kind: SavedSearchKind; frequency: AlertFrequency; filters: BrowseFilters | null }>;

export type NewSavedSearch = { name: string; frequency: AlertFrequency } & (
  | { kind: 'browse'; filters: BrowseFilters }
  | { kind: 'smart'; question: string }
  | { kind: 'recommended'; min_fit: number }
);

export const savedSearchKeys = {
  all: ['saved-searches'] as const,
};

export const frequencyOptions: { value: AlertFrequency; label: string }[] = [
  { value: 'instant', label: 'Right away' },
  { value: 'daily', label: 'Daily digest' },
  { value: 'off', label: 'Off' },
];

const listFilters = ['job_type', 'work_mode', 'experience'] as const;
const textFilters = ['q', 'company', 'location', 'skill'] as const;
const numberFilters = ['min_salary', 'max_salary', 'posted_within_days'] as const;

/** Browse's URL parameters as a saved search's filters (the sort and paging are not part of a search). */
export function filtersFromParams(params: URLSearchParams): BrowseFilters {
  const filters: BrowseFilters = {};
  for (const name of textFilters) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  for (const name of numberFilters) {
    const value = params.get(name);
    if (value && !Number.isNaN(Number(value))) filters[name] = Number(value);
  }
  for (const name of listFilters) {
    const values = params.getAll(name).flatMap((v) => v.split(',')).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  return filters;
}

/** Where a saved search's results are: Browse with its filters, Smart search with its question, or the jobs page. */
export function resultsPath(search: Pick<SavedSearch, 'kind' | 'filters' | 'question'>): string {
  if (search.kind === 'smart' && search.question) return `/jobs?${new URLSearchParams({ mode: 'smart', ask: search.question })}`;
  if (search.kind !== 'browse' || !search.filters) return '/jobs';
  const params = new URLSearchParams();
  const filters = search.filters;
  for (const name of [...textFilters, ...numberFilters]) {
    const value = filters[name];
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  for (const name of listFilters) {
    const values = filters[name];
    if (values && values.length > 0) params.set(name, values.join(','));
  }
  const query = params.toString();
  return query ? `/jobs?${query}` : '/jobs';
}

export async function createSavedSearch(search: NewSavedSearch): Promise<SavedSearch> {
  const response = await api.post<SavedSearch>('/saved-searches', search);
  return response.data;
}

/** Saves a search; the Saved searches page refreshes. */
export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(createSavedSearch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}

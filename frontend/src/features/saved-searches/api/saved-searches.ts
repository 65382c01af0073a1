import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiGet, apiRequest } from '@/lib/query';
import { type AlertFrequency, type SavedSearch, savedSearchKeys } from '@/lib/saved-searches';

/** The seeker's saved searches (GET /api/saved-searches), newest first. */
export function useSavedSearches() {
  const query = useQuery({
    queryKey: savedSearchKeys.all,
    queryFn: ({ signal }) => apiGet<SavedSearch[]>('/saved-searches', { signal }),
  });
  return { searches: query.data ?? null, error: query.error?.message ?? null, isLoading: query.isPending, reload: () => void query.refetch() };
}

/** One saved search (to open its results). */
export function useSavedSearch(id: string) {
  return useQuery({
    queryKey: [...savedSearchKeys.all, id],
    queryFn: ({ signal }) => apiGet<SavedSearch>(`/saved-searches/${encodeURIComponent(id)}`, { signal }),
  });
}

type Change =
  | { id: string; name: string }
  | { id: string; frequency?: AlertFrequency; min_fit?: number };

async function change(input: Change): Promise<SavedSearch> {
  const id = encodeURIComponent(input.id);
  const response = 'name' in input
    ? await api.put<SavedSearch>(`/saved-searches/${id}/name`, { name: input.name })
    : await api.put<SavedSearch>(`/saved-searches/${id}/alerts`, { frequency: input.frequency, min_fit: input.min_fit });
  return response.data;
}

/** Renames a search or changes its alerts; the list shows the server's answer. */
export function useChangeSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(change),
    onSuccess: (saved: SavedSearch) =>
      queryClient.setQueryData<SavedSearch[]>(savedSearchKeys.all, (list) => list?.map((s) => (s.id === saved.id ? { ...s, ...saved } : s))),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(async (id: string) => {
      await api.delete(`/saved-searches/${encodeURIComponent(id)}`);
      return id;
    }),
    onSuccess: (id) => queryClient.setQueryData<SavedSearch[]>(savedSearchKeys.all, (list) => list?.filter((s) => s.id !== id)),
  });
}

/** Turns on the "Recommended for you" alert (one per seeker). */
export function useCreateRecommendedAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(async () => (await api.post<SavedSearch>('/saved-searches', { kind: 'recommended', frequency: 'daily', min_fit: 70 })).data),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { optimisticUpdate } from '@/lib/optimistic';
import { apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import { ifMatch } from '@/lib/stream-version';
import { listingKeys } from './get-my-listings';
import type { ArchiveJobResponse, ProviderListing } from './types';

/**
 * Takes the job out of the feed and search; its history is kept. Owner or admin only. `version` is the listing's
 * stream version: a job that changed since the list was loaded is refused with 412.
 */
export async function archiveJob(jobId: string, version: number): Promise<ArchiveJobResponse> {
  const response = await api.delete<ArchiveJobResponse>(`/jobs/${encodeURIComponent(jobId)}`, { headers: ifMatch(version) });
  return response.data;
}

type ArchiveInput = { jobId: string; version: number };

/**
 * Archives a listing: it shows as archived at once and goes back as it was if the server refuses. Once archived,
 * every view of jobs is refreshed (the feed, the job page, the admin lists); after a refusal the person reloads.
 */
export function useArchiveListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(({ jobId, version }: ArchiveInput) => archiveJob(jobId, version)),
    ...optimisticUpdate<ProviderListing[], ArchiveInput>(listingKeys.mine(), (listings, { jobId }) =>
      listings.map((listing) => (listing.id === jobId ? { ...listing, status: 'archived' } : listing)),
    ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryRoots.jobs }),
  });
}

import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import type { ProviderListing } from './types';

/** While any listing is processing, the list is asked for again this often. */
export const listingsPollIntervalMs = 2500;

export const listingKeys = {
  // Under the jobs root: an edit, an archive or a new posting anywhere refreshes it.
  mine: () => [...queryRoots.jobs, 'provider'] as const,
};

function anyProcessing(listings: ProviderListing[] | undefined): boolean {
  return listings?.some((listing) => listing.status === 'processing') ?? false;
}

/**
 * The provider's listings (GET /api/jobs/provider), kept fresh while any of them is still processing: the list is
 * asked for again every `listingsPollIntervalMs` until none is (also after a failed look), and no longer once the
 * page goes away.
 */
export function useMyListings() {
  const query = useQuery({
    queryKey: listingKeys.mine(),
    queryFn: ({ signal }) => apiGet<ProviderListing[]>('/jobs/provider', { signal }),
    staleTime: 0,
    refetchInterval: (current) => (anyProcessing(current.state.data) ? listingsPollIntervalMs : false),
  });
  return {
    listings: query.data ?? null,
    /** The last request failed; listings (if any) are from the one before. */
    error: query.error?.message ?? null,
    isLoading: query.isPending,
    reload: () => void query.refetch(),
  };
}

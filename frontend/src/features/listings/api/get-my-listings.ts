import { useCallback, useEffect, useState } from 'react';
import { api, getErrorMessage } from '@/lib/api-client';
import type { ProviderListing } from './types';

/** While any listing is processing, the list is asked for again this often. */
export const listingsPollIntervalMs = 2500;

export async function getMyListings(signal?: AbortSignal): Promise<ProviderListing[]> {
  const response = await api.get<ProviderListing[]>('/jobs/provider', { signal });
  return response.data;
}

type MyListingsState = {
  listings: ProviderListing[] | null;
  /** The last request failed; listings (if any) are from the one before. */
  error: string | null;
};

/**
 * The provider's listings, kept fresh while any of them is still processing: the list is polled every
 * `listingsPollIntervalMs` until none is, and polling stops when the page goes away.
 */
export function useMyListings() {
  const [state, setState] = useState<MyListingsState>({ listings: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastListings: ProviderListing[] | null = null;

    const load = async () => {
      try {
        const listings = await getMyListings(controller.signal);
        if (controller.signal.aborted) return;
        lastListings = listings;
        setState({ listings, error: null });
        if (anyProcessing(listings)) timer = setTimeout(load, listingsPollIntervalMs);
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((current) => ({ listings: current.listings, error: getErrorMessage(error) }));
        // A hiccup while waiting for a job to be prepared: keep trying.
        if (anyProcessing(lastListings)) timer = setTimeout(load, listingsPollIntervalMs);
      }
    };
    void load();

    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((current) => current + 1), []);

  /** Reflect a change the server has confirmed (e.g. an archive) without waiting for the next load. */
  const replaceListing = useCallback((id: string, changes: Partial<ProviderListing>) => {
    setState((current) => ({
      ...current,
      listings: current.listings?.map((listing) => (listing.id === id ? { ...listing, ...changes } : listing)) ?? null,
    }));
  }, []);

  return { ...state, isLoading: state.listings === null && state.error === null, reload, replaceListing };
}

function anyProcessing(listings: ProviderListing[] | null): boolean {
  return listings?.some((listing) => listing.status === 'processing') ?? false;
}

import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

export type SearchParamChanges = Record<string, string | number | null | undefined>;

/** The changes to make, or a function of the latest params that returns them (or null for none). */
export type SearchParamUpdate = SearchParamChanges | ((current: URLSearchParams) => SearchParamChanges | null);

/**
 * The page's query string as state (filters, page, a picked item), so "back" and a shared link restore it.
 * `update` changes only the given keys (null, undefined or '' removes one) and replaces the history entry
 * (or, with `{ push: true }`, adds one, so "back" undoes a deliberate choice); it does nothing when nothing would change. It is stable and always starts from the latest URL, so it is
 * safe to call from timers and effects.
 */
export function useSearchParamState(): [URLSearchParams, (update: SearchParamUpdate, options?: { push?: boolean }) => void] {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const latestSearch = useRef(location.search);

  useEffect(() => {
    latestSearch.current = location.search;
  }, [location.search]);

  const update = useCallback(
    (update: SearchParamUpdate, options?: { push?: boolean }) => {
      const current = new URLSearchParams(latestSearch.current);
      const changes = typeof update === 'function' ? update(new URLSearchParams(current)) : update;
      if (!changes) return;
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(name);
        else next.set(name, String(value));
      }
      const search = next.toString();
      if (search === current.toString()) return;
      latestSearch.current = search ? `?${search}` : '';
      navigate({ search }, { replace: !options?.push });
    },
    [navigate],
  );

  return [searchParams, update];
}

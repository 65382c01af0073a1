import { type RefObject, useCallback, useEffect, useState } from 'react';
import { api, getErrorMessage } from '@/lib/api-client';
import type { CurrentUser } from '@/types/api';

/** The profile with its version: the ETag of the response, the user stream's version, sent back as If-Match. */
export type LoadedProfile = { profile: CurrentUser; version: number | null };

/** `"7"` (or `W/"7"`) → 7; anything else → null (the save then goes without If-Match). */
export function versionFromETag(etag: unknown): number | null {
  const match = typeof etag === 'string' ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

export async function getMyProfile(): Promise<LoadedProfile> {
  const response = await api.get<CurrentUser>('/users/me');
  return { profile: response.data, version: versionFromETag(response.headers.etag) };
}

type MyProfileState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | ({ status: 'loaded' } & LoadedProfile);

const sameDetails = (a: CurrentUser, b: CurrentUser) =>
  a.full_name === b.full_name && a.phone === b.phone && a.location === b.location;

/**
 * Loads the signed-in user's profile when the page mounts and looks again when the window gets focus or
 * `refresh` is called (after a resume upload: resume events move the same version). A newer version whose details
 * are the ones shown is simply taken, so the save isn't refused for a change it can't conflict with; newer details
 * replace the shown ones only while nothing is being edited (`editing`), otherwise the save is refused (412).
 */
export function useMyProfile(editing: RefObject<boolean>) {
  const [state, setState] = useState<MyProfileState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    getMyProfile()
      .then((loaded) => {
        if (!cancelled) setState({ status: 'loaded', ...loaded });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: getErrorMessage(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((current) => current + 1);
  }, []);

  const refresh = useCallback(() => {
    getMyProfile()
      .then((fresh) =>
        setState((current) => {
          if (current.status !== 'loaded') return current;
          if (sameDetails(current.profile, fresh.profile) || !editing.current) return { status: 'loaded', ...fresh };
          return current;
        }),
      )
      // A failed look in the background changes nothing: the save still says what is wrong.
      .catch(() => undefined);
  }, [editing]);

  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  const replaceProfile = useCallback(
    (loaded: LoadedProfile) => setState({ status: 'loaded', ...loaded }),
    [],
  );

  return { state, reload, refresh, replaceProfile };
}

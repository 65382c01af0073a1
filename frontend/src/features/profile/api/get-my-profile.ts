import { useCallback, useEffect, useState } from 'react';
import { api, getErrorMessage } from '@/lib/api-client';
import type { CurrentUser } from '@/types/api';

export async function getMyProfile(): Promise<CurrentUser> {
  const response = await api.get<CurrentUser>('/users/me');
  return response.data;
}

type MyProfileState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'loaded'; profile: CurrentUser };

/** Loads the signed-in user's profile; `replaceProfile` keeps it in step after a save. */
export function useMyProfile() {
  const [state, setState] = useState<MyProfileState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    getMyProfile()
      .then((profile) => {
        if (!cancelled) setState({ status: 'loaded', profile });
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

  const replaceProfile = useCallback((profile: CurrentUser) => setState({ status: 'loaded', profile }), []);

  return { state, reload, replaceProfile };
}

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiRequest } from '@/lib/query';
import type { CurrentUser } from '@/types/api';
import { profileKeys } from './query-keys';

/** The profile with its version: the ETag of the response, the user stream's version, sent back as If-Match. */
export type LoadedProfile = { profile: CurrentUser; version: number | null };

/** `"7"` (or `W/"7"`) → 7; anything else → null (the save then goes without If-Match). */
export function versionFromETag(etag: unknown): number | null {
  const match = typeof etag === 'string' ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

export const getMyProfile = apiRequest(async (signal?: AbortSignal): Promise<LoadedProfile> => {
  const response = await api.get<CurrentUser>('/users/me', { signal });
  return { profile: response.data, version: versionFromETag(response.headers.etag) };
});

/**
 * The signed-in user's profile and its version. Always looked at again when the page opens or the window gets
 * focus (another tab may have changed it), and after a resume upload (resume events move the same version).
 */
export function useMyProfile() {
  return useQuery({
    queryKey: profileKeys.profile(),
    queryFn: ({ signal }) => getMyProfile(signal),
    staleTime: 0,
  });
}

export const sameDetails = (a: CurrentUser, b: CurrentUser) =>
  a.full_name === b.full_name && a.phone === b.phone && a.location === b.location;

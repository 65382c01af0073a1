import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import type { CurrentUser } from '@/types/api';

/** The signed-in user's profile with its version: the ETag of the response, the user stream's version, sent back as If-Match. */
export type LoadedProfile = { profile: CurrentUser; version: number | null };

/** One cache entry for `GET /api/users/me`, read by the profile page, the email banner and the fit page alike. */
export const meKey = [...queryRoots.me, 'profile'] as const;

/** `"7"` (or `W/"7"`) → 7; anything else → null (the save then goes without If-Match). */
export function versionFromETag(etag: unknown): number | null {
  const match = typeof etag === 'string' ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

export const getMe = apiRequest(async (signal?: AbortSignal): Promise<LoadedProfile> => {
  const response = await api.get<CurrentUser>('/users/me', { signal });
  return { profile: response.data, version: versionFromETag(response.headers.etag) };
});

/**
 * The signed-in user as the server has them now, or the part `select` picks. Looked at again when a page that reads it
 * opens or the window gets focus (another tab may have changed the profile or verified the address), and after a
 * resume upload (resume events move the same version).
 */
export function useMe<T = LoadedProfile>(select?: (loaded: LoadedProfile) => T, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => getMe(signal), select, staleTime: 0, ...options });
}

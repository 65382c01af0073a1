import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiRequest } from '@/lib/query';
import { type LoadedProfile, meKey, versionFromETag } from '@/lib/me';
import { ifMatch } from '@/lib/stream-version';
import type { CurrentUser } from '@/types/api';

/** Only the fields present are changed. An empty string clears phone or location. */
export type ProfileChanges = Partial<Pick<CurrentUser, 'full_name'> & { phone: string; location: string }>;

/** Edits the profile as it was at `version` (the ETag the page loaded); a profile changed since is refused with 412. */
export async function updateMyProfile(changes: ProfileChanges, version: number | null): Promise<LoadedProfile> {
  const response = await api.patch<CurrentUser>('/users/me', changes, {
    headers: version === null ? {} : ifMatch(version),
  });
  return { profile: response.data, version: versionFromETag(response.headers.etag) };
}

/** Saves the profile; the answer (with its new version) becomes the cached profile, so the next save starts from it. */
export function useUpdateMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(({ changes, version }: { changes: ProfileChanges; version: number | null }) =>
      updateMyProfile(changes, version),
    ),
    onSuccess: (saved: LoadedProfile) => {
      queryClient.setQueryData(meKey, saved);
    },
  });
}

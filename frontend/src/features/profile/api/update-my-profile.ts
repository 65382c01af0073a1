import { api } from '@/lib/api-client';
import { ifMatch } from '@/lib/stream-version';
import type { CurrentUser } from '@/types/api';
import { type LoadedProfile, versionFromETag } from './get-my-profile';

/** Only the fields present are changed. An empty string clears phone or location. */
export type ProfileChanges = Partial<Pick<CurrentUser, 'full_name'> & { phone: string; location: string }>;

/** Edits the profile as it was at `version` (the ETag the page loaded); a profile changed since is refused with 412. */
export async function updateMyProfile(changes: ProfileChanges, version: number | null): Promise<LoadedProfile> {
  const response = await api.patch<CurrentUser>('/users/me', changes, {
    headers: version === null ? {} : ifMatch(version),
  });
  return { profile: response.data, version: versionFromETag(response.headers.etag) };
}

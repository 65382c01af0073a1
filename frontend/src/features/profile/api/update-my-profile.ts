import { api } from '@/lib/api-client';
import type { CurrentUser } from '@/types/api';

/** Only the fields present are changed. An empty string clears phone or location. */
export type ProfileChanges = Partial<Pick<CurrentUser, 'full_name'> & { phone: string; location: string }>;

export async function updateMyProfile(changes: ProfileChanges): Promise<CurrentUser> {
  const response = await api.patch<CurrentUser>('/users/me', changes);
  return response.data;
}

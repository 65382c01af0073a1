import type { CurrentUser } from '@/types/api';

export { type LoadedProfile, useMe as useMyProfile } from '@/lib/me';

export const sameDetails = (a: CurrentUser, b: CurrentUser) =>
  a.full_name === b.full_name && a.phone === b.phone && a.location === b.location;

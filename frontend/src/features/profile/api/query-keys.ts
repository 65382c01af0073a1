import { meKey } from '@/lib/me';
import { queryRoots } from '@/lib/query-keys';

export const profileKeys = {
  profile: () => meKey,
  resume: () => [...queryRoots.me, 'resume'] as const,
};

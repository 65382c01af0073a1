import { queryRoots } from '@/lib/query-keys';

export const profileKeys = {
  profile: () => [...queryRoots.me, 'profile'] as const,
  resume: () => [...queryRoots.me, 'resume'] as const,
};

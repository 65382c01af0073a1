import { queryRoots } from '@/lib/query-keys';
import type { AdminJobFilters } from './types';

export const historyKeys = {
  // Under the jobs root: any change to a job (an edit, an archive, a new posting) refreshes them.
  adminJobs: () => [...queryRoots.jobs, 'admin'] as const,
  adminJobList: (filters: AdminJobFilters) => [...historyKeys.adminJobs(), 'list', filters] as const,
  jobStats: () => [...historyKeys.adminJobs(), 'stats'] as const,
  jobHistory: (jobId: string) => [...historyKeys.adminJobs(), 'history', jobId] as const,
  jobStateAt: (jobId: string, version: number | null) => [...historyKeys.adminJobs(), 'state', jobId, version] as const,
  // The same list the control tower reads (one cache entry).
  chatSessions: () => [...queryRoots.chat, 'admin', 'sessions'] as const,
  chatHistory: (sessionId: string) => [...queryRoots.chat, 'admin', 'history', sessionId] as const,
};

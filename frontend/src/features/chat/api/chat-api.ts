import { paths } from '@/config/paths';
import { api } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';
import type { ChatSessionDetails } from '@/types/api';
import type { ChatSessionSummary } from './types';

/** POST /api/chat/sessions: the seeker's general chat (no job) or the chat about one job; the same id when asked again. */
export async function startChatSession(jobId?: string | null): Promise<ChatSessionSummary> {
  const response = await api.post<ChatSessionSummary>('/chat/sessions', jobId ? { job_id: jobId } : {});
  return response.data;
}

export function useMyChatSessions() {
  return useApiQuery<ChatSessionSummary[]>({ url: '/chat/my-sessions' }, { keepPreviousData: true });
}

export function useChatConversation(sessionId: string | null) {
  return useApiQuery<ChatSessionDetails>(sessionId ? { url: `/chat/sessions/${encodeURIComponent(sessionId)}` } : null);
}

export function chatSessionPath(sessionId: string): string {
  return `${paths.seeker.chat}/${encodeURIComponent(sessionId)}`;
}

export const chatSocketPath = (sessionId: string) => `/ws/chat/${encodeURIComponent(sessionId)}`;

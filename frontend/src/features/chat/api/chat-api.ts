import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { paths } from '@/config/paths';
import { api } from '@/lib/api-client';
import { apiGet, apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import type { ChatSessionDetails } from '@/types/api';
import type { ChatSessionSummary } from './types';

export const chatKeys = {
  mine: () => [...queryRoots.chat, 'mine'] as const,
  conversation: (sessionId: string) => [...queryRoots.chat, 'session', sessionId] as const,
};

/** POST /api/chat/sessions: the seeker's general chat (no job) or the chat about one job; the same id when asked again. */
export async function startChatSession(jobId?: string | null): Promise<ChatSessionSummary> {
  const response = await api.post<ChatSessionSummary>('/chat/sessions', jobId ? { job_id: jobId } : {});
  return response.data;
}

/** Starts (or reopens) a chat; the seeker's list of chats is loaded again to show it. */
export function useStartChatSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest((jobId?: string | null) => startChatSession(jobId)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: chatKeys.mine() }),
  });
}

/** GET /api/chat/my-sessions. Refreshed after a reply arrives (the last message and order change). */
export function useMyChatSessions() {
  return useQuery({
    queryKey: chatKeys.mine(),
    queryFn: ({ signal }) => apiGet<ChatSessionSummary[]>('/chat/my-sessions', { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The conversation as stored; the socket keeps it live from there, so it is loaded once per visit. */
export function useChatConversation(sessionId: string) {
  return useQuery({
    queryKey: chatKeys.conversation(sessionId),
    queryFn: ({ signal }) => apiGet<ChatSessionDetails>(`/chat/sessions/${encodeURIComponent(sessionId)}`, { signal }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** The messages before `before` (a message version), for "Show earlier messages": the cached page stays as it is. */
export function fetchEarlierMessages(sessionId: string, before: number) {
  return apiGet<ChatSessionDetails>(`/chat/sessions/${encodeURIComponent(sessionId)}`, { params: { before } });
}

export function chatSessionPath(sessionId: string): string {
  return `${paths.seeker.chat}/${encodeURIComponent(sessionId)}`;
}

export const chatSocketPath = (sessionId: string) => `/ws/chat/${encodeURIComponent(sessionId)}`;

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { api } from '@/lib/api-client';
import { apiGet, apiRequest } from '@/lib/query';
import { queryRoots } from '@/lib/query-keys';
import { type LiveSocketStatus, useLiveSocket } from '@/lib/use-live-socket';
import type { ChatSessionDetails } from '@/types/api';
import type { AdminChatSession } from './types';

const sessionUrl = (sessionId: string) => `/admin/sessions/${encodeURIComponent(sessionId)}`;

export const controlTowerKeys = {
  all: () => [...queryRoots.chat, 'admin'] as const,
  sessions: () => [...controlTowerKeys.all(), 'sessions'] as const,
  conversation: (sessionId: string) => [...controlTowerKeys.all(), 'session', sessionId] as const,
};

/** While the live feed is down, the list is polled this often. */
export const sessionsPollMs = 10_000;

function isSessionsFrame(message: unknown): message is { type: 'sessions'; sessions: AdminChatSession[] } {
  const frame = message as { type?: unknown; sessions?: unknown } | null;
  return frame?.type === 'sessions' && Array.isArray(frame.sessions);
}

/**
 * Every chat session, kept current by /ws/admin/sessions (which pushes the whole list on each change, straight into
 * the query cache). The list is loaded by GET on open and whenever the feed (re)connects, and polled while it is down.
 */
export function useLiveAdminSessions(): {
  sessions: AdminChatSession[] | null;
  error: string | null;
  feed: LiveSocketStatus;
  reload: () => void;
} {
  const queryClient = useQueryClient();
  const onMessage = useCallback(
    (message: unknown) => {
      if (!isSessionsFrame(message)) return;
      // A GET that started before this push must not overwrite it.
      void queryClient.cancelQueries({ queryKey: controlTowerKeys.sessions() });
      queryClient.setQueryData(controlTowerKeys.sessions(), message.sessions);
    },
    [queryClient],
  );
  const { status: feed } = useLiveSocket({ path: '/ws/admin/sessions', onMessage });

  const query = useQuery({
    queryKey: controlTowerKeys.sessions(),
    queryFn: ({ signal }) => apiGet<AdminChatSession[]>('/admin/sessions', { signal }),
    staleTime: 0,
    refetchInterval: feed === 'open' ? false : sessionsPollMs,
  });

  // The feed changed (connected, or dropped): look now rather than wait for the next push or poll.
  const { refetch } = query;
  const lastFeed = useRef(feed);
  useEffect(() => {
    if (lastFeed.current === feed) return;
    lastFeed.current = feed;
    void refetch();
  }, [feed, refetch]);

  return { sessions: query.data ?? null, error: query.error?.message ?? null, feed, reload: () => void refetch() };
}

export function useAdminConversation(sessionId: string) {
  return useQuery({
    queryKey: controlTowerKeys.conversation(sessionId),
    queryFn: ({ signal }) => apiGet<ChatSessionDetails>(sessionUrl(sessionId), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The messages before `before` (a message version), for "Show earlier messages". */
export function fetchEarlierAdminMessages(sessionId: string, before: number) {
  return apiGet<ChatSessionDetails>(sessionUrl(sessionId), { params: { before } });
}

export async function takeOver(sessionId: string): Promise<void> {
  await api.post('/admin/takeover', { session_id: sessionId });
}

export async function handBack(sessionId: string): Promise<void> {
  await api.post(`${sessionUrl(sessionId)}/handback`);
}

/** 409 unless the session is taken over. */
export async function sendAdminMessage(sessionId: string, content: string): Promise<void> {
  await api.post(`${sessionUrl(sessionId)}/messages`, { content });
}

/** Take over, hand back: afterwards the session list and the conversation are loaded again. */
export function useSessionAction(action: (sessionId: string) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: apiRequest(action),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: controlTowerKeys.all() }),
  });
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, getErrorMessage } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';
import { type LiveSocketStatus, useLiveSocket } from '@/lib/use-live-socket';
import type { ChatSessionDetails } from '@/types/api';
import type { AdminChatSession } from './types';

const sessionUrl = (sessionId: string) => `/admin/sessions/${encodeURIComponent(sessionId)}`;

/** While the live feed is down, the list is polled this often. */
export const sessionsPollMs = 10_000;

/**
 * Every chat session, kept current by /ws/admin/sessions (which pushes the whole list on each change). The list
 * is loaded by GET on open and whenever the feed (re)connects, and polled while the feed is down.
 */
export function useLiveAdminSessions(): {
  sessions: AdminChatSession[] | null;
  error: string | null;
  feed: LiveSocketStatus;
  reload: () => void;
} {
  const [state, setState] = useState<{ sessions: AdminChatSession[] | null; error: string | null }>({ sessions: null, error: null });
  // A GET that started before the latest pushed list must not overwrite it.
  const revision = useRef(0);

  const load = useCallback(async () => {
    const startedAt = revision.current;
    try {
      const response = await api.get<AdminChatSession[]>('/admin/sessions');
      if (revision.current === startedAt) setState({ sessions: response.data, error: null });
    } catch (error) {
      setState((current) => ({ ...current, error: getErrorMessage(error) }));
    }
  }, []);

  const { status: feed } = useLiveSocket({
    path: '/ws/admin/sessions',
    onMessage: (message) => {
      const frame = message as { type?: string; sessions?: AdminChatSession[] };
      if (frame?.type === 'sessions' && Array.isArray(frame.sessions)) {
        revision.current += 1;
        setState({ sessions: frame.sessions, error: null });
      }
    },
  });

  useEffect(() => {
    void load();
    if (feed === 'open') return;
    const timer = setInterval(() => void load(), sessionsPollMs);
    return () => clearInterval(timer);
  }, [feed, load]);

  return { ...state, feed, reload: () => void load() };
}

export function useAdminConversation(sessionId: string) {
  return useApiQuery<ChatSessionDetails>({ url: sessionUrl(sessionId) }, { keepPreviousData: true });
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

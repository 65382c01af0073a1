import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/query';
import type { ChatRole, ChatStatus, Narrowed, Schemas } from '@/types/api';
import { historyKeys } from './query-keys';
import { agentLabel } from '@/lib/chat-speakers';

/** What a chat event says, keyed by the same stable `type` as its entry. */
export type ChatEventData =
  | Exclude<Schemas['ChatEventData'], { type: 'chat_message_posted' }>
  | Narrowed<Schemas['ChatEventDataChatMessagePostedData'], { role: ChatRole }>;

/** An item of GET /api/admin/sessions/{id}/history: one event of the chat's stream, oldest first (`data` is null for an event type the API does not describe yet). */
export type ChatHistoryEvent = Narrowed<Schemas['ChatHistoryEntry'], { data: ChatEventData | null }>;

/** GET /api/admin/sessions items (only what the picker shows). */
export type ChatSessionItem = Pick<
  Schemas['TowerSession'],
  'id' | 'seeker_name' | 'seeker_email' | 'job_title' | 'status' | 'updated_at'
>;

export function useChatSessionsForHistory() {
  return useQuery({
    queryKey: historyKeys.chatSessions(),
    queryFn: ({ signal }) => apiGet<ChatSessionItem[]>('/admin/sessions', { signal }),
  });
}

export function useChatHistory(sessionId: string) {
  return useQuery({
    queryKey: historyKeys.chatHistory(sessionId),
    queryFn: ({ signal }) => apiGet<ChatHistoryEvent[]>(`/admin/sessions/${encodeURIComponent(sessionId)}/history`, { signal }),
    staleTime: 0,
  });
}

const labels: Record<string, string> = {
  chat_session_started: 'Chat started',
  chat_message_posted: 'Message',
  chat_taken_over: 'Taken over by an agent',
  chat_handed_back: 'Handed back to the AI',
  chat_closed: 'Closed',
  coach_reply_failed: 'Coach reply failed',
};

const roleNames: Record<string, string> = { user: 'Seeker', assistant: 'AI coach', admin: 'Agent' };

export function chatEventLabel({ type, data }: ChatHistoryEvent): string {
  if (data?.type === 'chat_message_posted' && data.role === 'admin') return `${agentLabel(data.author_name)} (human coach) wrote`;
  if (data?.type === 'chat_message_posted') return `${roleNames[data.role] ?? 'Someone'} wrote`;
  return labels[type] ?? type.replace(/_/g, ' ');
}

export function chatEventSummary({ data }: ChatHistoryEvent): string | null {
  switch (data?.type) {
    case 'chat_message_posted':
      return data.content.length > 160 ? `${data.content.slice(0, 157)}…` : data.content;
    case 'chat_session_started':
      return data.job?.title ?? 'General chat';
    case 'chat_taken_over':
      return data.admin_name ?? null;
    case 'coach_reply_failed':
      return data.reason;
    default:
      return null;
  }
}

export type ReplayedLine =
  | { kind: 'message'; version: number; role: ChatRole; content: string; timestamp: string; authorName?: string | null }
  | { kind: 'notice'; version: number; text: string; human?: boolean };

/** The notice both sides of the chat saw (the server's ChatRules.TakeoverNote and HandbackNote). */
export const takeoverNote = (agentName: string | null | undefined) =>
  agentName?.trim() ? `A human coach (${agentName.trim()}) joined the chat.` : 'A human coach joined the chat.';
export const handbackNote = 'The AI coach is back.';

/** The conversation as it stood right after the event at `index` (0-based): its lines and status. */
export function conversationAt(events: ChatHistoryEvent[], index: number): { lines: ReplayedLine[]; status: ChatStatus } {
  const lines: ReplayedLine[] = [];
  let status: ChatStatus = 'active_ai';
  for (const { version, data } of events.slice(0, index + 1)) {
    switch (data?.type) {
      case 'chat_message_posted':
        lines.push({ kind: 'message', version, role: data.role, content: data.content, timestamp: data.posted_at, authorName: data.author_name });
        break;
      case 'chat_taken_over':
        status = 'active_human';
        lines.push({ kind: 'notice', version, text: takeoverNote(data.admin_name), human: true });
        break;
      case 'chat_handed_back':
        status = 'active_ai';
        lines.push({ kind: 'notice', version, text: handbackNote });
        break;
      case 'chat_closed':
        status = 'closed';
        lines.push({ kind: 'notice', version, text: 'Chat closed' });
        break;
      case 'coach_reply_failed':
        lines.push({ kind: 'notice', version, text: `Coach reply failed${data.reason ? `: ${data.reason}` : ''}` });
        break;
      default:
        break;
    }
  }
  return { lines, status };
}

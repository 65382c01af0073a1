import { useApiQuery } from '@/lib/use-api-query';
import type { ChatRole, ChatStatus } from '@/types/api';


/** An item of GET /api/admin/sessions/{id}/history: one event of the chat's stream, oldest first. */
export type ChatHistoryEvent = {
  version: number;
  sequence: number;
  /** chat_session_started, chat_message_posted, chat_taken_over, chat_handed_back, chat_closed, coach_reply_failed */
  type: string;
  timestamp: string;
  data: unknown;
};

/** GET /api/admin/sessions items (only what the picker shows). */
export type ChatSessionItem = {
  id: string;
  seeker_name: string | null;
  seeker_email: string | null;
  job_title: string | null;
  status: ChatStatus;
  updated_at: string;
};

export function useChatSessionsForHistory() {
  return useApiQuery<ChatSessionItem[]>({ url: '/admin/sessions' });
}

export function useChatHistory(sessionId: string) {
  return useApiQuery<ChatHistoryEvent[]>({ url: `/admin/sessions/${encodeURIComponent(sessionId)}/history` });
}

type Data = Record<string, unknown>;
const field = (data: unknown, key: string): unknown => (data && typeof data === 'object' ? (data as Data)[key] : undefined);
const text = (data: unknown, key: string): string | null => {
  const value = field(data, key);
  return typeof value === 'string' && value.trim() ? value : null;
};

const labels: Record<string, string> = {
  chat_session_started: 'Chat started',
  chat_message_posted: 'Message',
  chat_taken_over: 'Taken over by an agent',
  chat_handed_back: 'Handed back to the AI',
  chat_closed: 'Closed',
  coach_reply_failed: 'Coach reply failed',
};

const roleNames: Record<string, string> = { user: 'Seeker', assistant: 'AI coach', admin: 'Agent' };

export function chatEventLabel(event: ChatHistoryEvent): string {
  if (event.type === 'chat_message_posted') return `${roleNames[text(event.data, 'role') ?? ''] ?? 'Someone'} wrote`;
  return labels[event.type] ?? event.type.replace(/_/g, ' ');
}

export function chatEventSummary(event: ChatHistoryEvent): string | null {
  switch (event.type) {
    case 'chat_message_posted': {
      const content = text(event.data, 'content') ?? '';
      return content.length > 160 ? `${content.slice(0, 157)}…` : content;
    }
    case 'chat_session_started': {
      const job = field(event.data, 'job');
      return text(job, 'title') ?? text(job, 'job_title') ?? 'General chat';
    }
    case 'chat_taken_over':
      return text(event.data, 'admin_name');
    case 'coach_reply_failed':
      return text(event.data, 'reason');
    default:
      return null;
  }
}

export type ReplayedLine =
  | { kind: 'message'; version: number; role: ChatRole; content: string; timestamp: string }
  | { kind: 'notice'; version: number; text: string };

/** The conversation as it stood right after the event at `index` (0-based): its lines and status. */
export function conversationAt(events: ChatHistoryEvent[], index: number): { lines: ReplayedLine[]; status: ChatStatus } {
  const lines: ReplayedLine[] = [];
  let status: ChatStatus = 'active_ai';
  for (const event of events.slice(0, index + 1)) {
    switch (event.type) {
      case 'chat_message_posted': {
        const role = (text(event.data, 'role') ?? 'user') as ChatRole;
        lines.push({ kind: 'message', version: event.version, role, content: text(event.data, 'content') ?? '', timestamp: text(event.data, 'posted_at') ?? event.timestamp });
        break;
      }
      case 'chat_taken_over':
        status = 'active_human';
        lines.push({ kind: 'notice', version: event.version, text: `${text(event.data, 'admin_name') ?? 'An agent'} took over` });
        break;
      case 'chat_handed_back':
        status = 'active_ai';
        lines.push({ kind: 'notice', version: event.version, text: 'Handed back to the AI coach' });
        break;
      case 'chat_closed':
        status = 'closed';
        lines.push({ kind: 'notice', version: event.version, text: 'Chat closed' });
        break;
      case 'coach_reply_failed':
        lines.push({ kind: 'notice', version: event.version, text: `Coach reply failed${text(event.data, 'reason') ? `: ${text(event.data, 'reason')}` : ''}` });
        break;
      default:
        break;
    }
  }
  return { lines, status };
}

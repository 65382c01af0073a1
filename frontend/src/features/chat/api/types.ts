import type { ChatRole, ChatStatus, Schemas } from '@/types/api';

/** POST /api/chat/sessions and GET /api/chat/my-sessions items. */
export type ChatSessionSummary = Schemas['ChatSessionSummary'];

/** A takeover, hand-back or close, at its event's version; a takeover names its agent. */
export type ChatEventFrame = {
  event: 'admin_takeover' | 'admin_handback' | 'session_closed';
  note?: string;
  version?: number;
  timestamp?: string | null;
  agent_name?: string | null;
  id?: string | null;
};

/**
 * What /ws/chat/{id} sends (JSON frames; "__pong__" is filtered out before). Sockets are not in the OpenAPI document.
 * The history replay always comes first; every later message or event carries its version (the order, and what the
 * page de-duplicates by).
 */
export type ChatServerFrame =
  | {
      type: 'history_replay';
      messages: { id?: string; version?: number; role: ChatRole; content: string; timestamp: string; author_name?: string | null }[];
      notices?: (ChatEventFrame & { note: string })[];
      session_status?: ChatStatus;
      version?: number;
    }
  | {
      type: 'ai_reply' | 'admin_message' | 'user_message';
      id?: string | null;
      version?: number;
      content: string;
      timestamp?: string;
      author_name?: string | null;
    }
  | { type: 'queued'; message: string }
  | { type: 'error'; message: string }
  | ChatEventFrame;

import type { ChatLine, ChatRole, ChatStatus } from '@/types/api';

/** POST /api/chat/sessions and GET /api/chat/my-sessions items. */
export type ChatSessionSummary = {
  id: string;
  user_id: string;
  status: ChatStatus;
  job_id: string | null;
  job_title: string | null;
  created_at: string;
  updated_at: string;
  last_message: ChatLine | null;
};

/** What /ws/chat/{id} sends (JSON frames; "__pong__" is filtered out before). */
export type ChatServerFrame =
  | { type: 'history_replay'; messages: { role: ChatRole; content: string; timestamp: string }[]; session_status?: ChatStatus }
  | { type: 'ai_reply' | 'admin_message' | 'user_message'; content: string; timestamp?: string }
  | { type: 'queued'; message: string }
  | { type: 'error'; message: string }
  | { event: 'admin_takeover' | 'admin_handback' | 'session_closed'; note?: string };

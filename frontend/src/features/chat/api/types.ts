import type { ChatRole, ChatStatus, Schemas } from '@/types/api';

/** POST /api/chat/sessions and GET /api/chat/my-sessions items. */
export type ChatSessionSummary = Schemas['ChatSessionSummary'];

/** What /ws/chat/{id} sends (JSON frames; "__pong__" is filtered out before). Sockets are not in the OpenAPI document. */
export type ChatServerFrame =
  | { type: 'history_replay'; messages: { role: ChatRole; content: string; timestamp: string }[]; session_status?: ChatStatus }
  | { type: 'ai_reply' | 'admin_message' | 'user_message'; content: string; timestamp?: string }
  | { type: 'queued'; message: string }
  | { type: 'error'; message: string }
  | { event: 'admin_takeover' | 'admin_handback' | 'session_closed'; note?: string };

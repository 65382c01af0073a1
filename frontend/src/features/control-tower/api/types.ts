export type ChatStatus = 'active_ai' | 'active_human' | 'closed';
export type ChatRole = 'user' | 'assistant' | 'admin';

export type ChatLine = { id?: string; role: ChatRole; content: string; timestamp: string };

/** GET /api/admin/sessions items, and what /ws/admin/sessions pushes. */
export type AdminChatSession = {
  id: string;
  user_id: string;
  seeker_name: string | null;
  seeker_email: string | null;
  job_id: string | null;
  job_title: string | null;
  status: ChatStatus;
  last_message: ChatLine | null;
  waiting_messages: number;
  taken_over_by_name: string | null;
  updated_at: string;
};

/** GET /api/admin/sessions/{id} */
export type AdminConversation = {
  id: string;
  user_id: string;
  status: ChatStatus;
  job_id: string | null;
  job_title: string | null;
  created_at: string;
  messages: ChatLine[];
};

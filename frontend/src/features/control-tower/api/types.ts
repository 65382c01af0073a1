import type { ChatLine, ChatStatus } from '@/types/api';

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

import type { ChatLine, ChatStatus, Narrowed, Schemas } from '@/types/api';

/** GET /api/admin/sessions items, and what /ws/admin/sessions pushes. */
export type AdminChatSession = Narrowed<Schemas['TowerSession'], { status: ChatStatus; last_message: ChatLine | null }>;

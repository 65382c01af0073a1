import type { Schemas } from '@/types/api';

/** GET /api/admin/sessions items, and what /ws/admin/sessions pushes. */
export type AdminChatSession = Schemas['TowerSession'];

import { Badge } from '@/components/ui/badge';
import type { ChatStatus } from '@/types/api';

const looks: Record<ChatStatus, { label: string; tone: 'brand' | 'warning' | 'neutral' }> = {
  active_ai: { label: 'AI coach', tone: 'brand' },
  active_human: { label: 'Human agent', tone: 'warning' },
  closed: { label: 'Closed', tone: 'neutral' },
};

export function ChatStatusBadge({ status }: { status: ChatStatus }) {
  const { label, tone } = looks[status] ?? looks.active_ai;
  return <Badge tone={tone}>{label}</Badge>;
}

import { Badge } from '@/components/ui/badge';

/** The seeker's messages nobody has answered yet (kept during a takeover; the AI answers them in order on hand-back). */
export function WaitingBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  const label = `${count} ${count === 1 ? 'message' : 'messages'} waiting for a reply`;
  return (
    <span title={label}>
      <Badge tone="danger">
        <span aria-hidden="true">{count} waiting</span>
        <span className="sr-only">{label}</span>
      </Badge>
    </span>
  );
}

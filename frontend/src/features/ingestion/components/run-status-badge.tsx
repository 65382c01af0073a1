import { Ban, CircleAlert, CircleCheck, CircleX, LoaderCircle, TimerOff } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { runStatusLabel } from '../api/merge-runs';
import type { RunStatus } from '../api/types';

const tones: Record<RunStatus, BadgeTone> = {
  running: 'info',
  completed: 'success',
  partial: 'warning',
  failed: 'danger',
  cancelled: 'neutral',
  abandoned: 'warning',
};

/** A run's or a source's status: Running, Completed, Partial (some errors), Failed, Cancelled or Abandoned. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  const label = runStatusLabel(status);
  const tone = tones[status] ?? 'neutral';
  return (
    <Badge tone={tone}>
      {status === 'running' && <LoaderCircle aria-hidden="true" className="size-3 animate-spin motion-reduce:animate-none" />}
      {status === 'completed' && <CircleCheck aria-hidden="true" className="size-3" />}
      {status === 'partial' && <CircleAlert aria-hidden="true" className="size-3" />}
      {status === 'failed' && <CircleX aria-hidden="true" className="size-3" />}
      {status === 'cancelled' && <Ban aria-hidden="true" className="size-3" />}
      {status === 'abandoned' && <TimerOff aria-hidden="true" className="size-3" />}
      {label}
    </Badge>
  );
}

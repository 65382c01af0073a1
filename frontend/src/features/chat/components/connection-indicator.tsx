import type { LiveSocketStatus } from '@/lib/use-live-socket';

const looks: Record<LiveSocketStatus, { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-amber-400 animate-pulse' },
  open: { label: 'Online', dot: 'bg-emerald-500' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-amber-500 animate-pulse' },
  offline: { label: 'Offline', dot: 'bg-slate-400' },
};

export function ConnectionIndicator({ status }: { status: LiveSocketStatus }) {
  const { label, dot } = looks[status];
  return (
    <p role="status" aria-label="Connection" className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-600">
      <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
      {label}
    </p>
  );
}

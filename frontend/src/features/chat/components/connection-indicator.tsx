import type { ConnectionStatus } from '../hooks/use-chat-socket';

const looks: Record<ConnectionStatus, { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-amber-400 animate-pulse' },
  online: { label: 'Online', dot: 'bg-emerald-500' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-amber-500 animate-pulse' },
  offline: { label: 'Offline', dot: 'bg-slate-400' },
};

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const { label, dot } = looks[status];
  return (
    <p role="status" aria-label="Connection" className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-600">
      <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
      {label}
    </p>
  );
}

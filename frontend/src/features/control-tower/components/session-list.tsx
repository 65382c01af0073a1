import { MessageCircle } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { formatRelative } from '@/lib/format';
import type { LiveSocketStatus } from '@/lib/use-live-socket';
import type { AdminChatSession } from '../api/types';
import { ChatStatusBadge } from './chat-status-badge';
import { WaitingBadge } from './waiting-badge';

type SessionListProps = {
  sessions: AdminChatSession[] | null;
  error: string | null;
  feed: LiveSocketStatus;
  selectedId: string | null;
  onSelect: (sessionId: string) => void;
  onRetry: () => void;
};

/** Chat sessions, those waiting for an answer first, then by latest activity. */
export function SessionList({ sessions, error, feed, selectedId, onSelect, onRetry }: SessionListProps) {
  const [showClosed, setShowClosed] = useState(false);
  const shown = (sessions ?? [])
    .filter((session) => showClosed || session.status !== 'closed')
    .sort((a, b) => Number(b.waiting_messages > 0) - Number(a.waiting_messages > 0) || Date.parse(b.updated_at) - Date.parse(a.updated_at));

  return (
    <section aria-labelledby="sessions-title" className="space-y-3 self-start rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-900/5">
      <div className="flex items-center justify-between gap-2 px-1">
        <h2 id="sessions-title" className="text-base font-semibold text-slate-900">
          Chat sessions
        </h2>
        <span role="status" aria-label="Live updates" className="inline-flex items-center gap-1.5 text-xs text-slate-600">
          <span aria-hidden="true" className={`size-2 rounded-full ${feed === 'open' ? 'bg-emerald-500' : 'bg-amber-500 animate-pulse'}`} />
          {feed === 'open' ? 'Live' : feed === 'offline' ? 'Polling' : 'Reconnecting… (polling)'}
        </span>
      </div>
      <label className="flex items-center gap-2 px-1 text-sm text-slate-700">
        <input type="checkbox" checked={showClosed} onChange={(event) => setShowClosed(event.target.checked)} className="size-4 rounded border-slate-300" />
        Show closed
      </label>
      {error && (
        <Alert tone="error">
          We couldn't load the sessions. {error}{' '}
          <button type="button" className="font-semibold underline" onClick={onRetry}>
            Try again
          </button>
        </Alert>
      )}
      {sessions === null && !error && <p className="px-1 text-sm text-slate-500">Loading sessions…</p>}
      {sessions !== null && shown.length === 0 && <p className="px-1 text-sm text-slate-600">No active chats right now.</p>}
      {shown.length > 0 && (
        <ul aria-label="Sessions" className="-mx-1 max-h-[65vh] space-y-1 overflow-y-auto px-1">
          {shown.map((session) => {
            const selected = session.id === selectedId;
            return (
              <li key={session.id}>
                <button
                  type="button"
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(session.id)}
                  className={`w-full rounded-lg px-3 py-2 text-left focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                    selected ? 'bg-indigo-50 ring-1 ring-indigo-200 ring-inset' : 'hover:bg-slate-50'
                  }`}
                >
                  <span className="flex items-center gap-2">
                    <span className="truncate text-sm font-semibold text-slate-900">{session.seeker_name || session.seeker_email || 'Seeker'}</span>
                    <WaitingBadge count={session.waiting_messages} />
                  </span>
                  {session.seeker_email && session.seeker_name && <span className="block truncate text-xs text-slate-500">{session.seeker_email}</span>}
                  <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <ChatStatusBadge status={session.status} />
                    <span className="inline-flex min-w-0 items-center gap-1 truncate">
                      <MessageCircle aria-hidden="true" className="size-3.5 shrink-0" />
                      {session.job_title ?? 'General chat'}
                    </span>
                  </span>
                  <span className="mt-1 block truncate text-xs text-slate-500">
                    {session.last_message ? session.last_message.content : 'No messages yet'}
                  </span>
                  <span className="block text-[0.7rem] text-slate-500">
                    {formatRelative(session.updated_at)}
                    {session.taken_over_by_name && session.status === 'active_human' ? ` · with ${session.taken_over_by_name}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

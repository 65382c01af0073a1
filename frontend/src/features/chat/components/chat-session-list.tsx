import { BriefcaseBusiness, MessageCircle, Plus } from 'lucide-react';
import { NavLink } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatRelative } from '@/lib/format';
import { chatSessionPath } from '../api/chat-api';
import type { ChatSessionSummary } from '../api/types';

type ChatSessionListProps = {
  sessions: ChatSessionSummary[] | undefined;
  isLoading: boolean;
  error: string | null;
  onRetry: () => void;
  onNewChat: () => void;
  isStarting: boolean;
};

/** The seeker's chats, newest activity first, and the button that opens the general chat. */
export function ChatSessionList({ sessions, isLoading, error, onRetry, onNewChat, isStarting }: ChatSessionListProps) {
  const sorted = [...(sessions ?? [])].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
  return (
    <nav aria-label="Your chats" className="space-y-3 self-start rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-900/5">
      <Button className="w-full" onClick={onNewChat} isLoading={isStarting}>
        <Plus aria-hidden="true" className="size-4" />
        New general chat
      </Button>
      {error && (
        <Alert tone="error">
          We couldn't load your chats. {error}{' '}
          <button type="button" className="font-semibold underline" onClick={onRetry}>
            Try again
          </button>
        </Alert>
      )}
      {isLoading && !sessions && <p className="px-1 text-sm text-slate-500">Loading your chats…</p>}
      {sessions && sorted.length === 0 && <p className="px-1 text-sm text-slate-600">No chats yet.</p>}
      {sorted.length > 0 && (
        <ul className="-mx-1 max-h-[60vh] space-y-1 overflow-y-auto px-1">
          {sorted.map((session) => {
            const Icon = session.job_id ? BriefcaseBusiness : MessageCircle;
            return (
              <li key={session.id}>
                <NavLink
                  to={chatSessionPath(session.id)}
                  className={({ isActive }) =>
                    `block rounded-lg px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                      isActive ? 'bg-indigo-50 ring-1 ring-indigo-200 ring-inset' : 'hover:bg-slate-50'
                    }`
                  }
                >
                  <span className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                    <Icon aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
                    <span className="truncate">{session.job_title ?? 'General chat'}</span>
                    {session.status === 'closed' && <Badge>Closed</Badge>}
                  </span>
                  <span className="mt-0.5 block truncate text-xs text-slate-600">
                    {session.last_message ? session.last_message.content : 'No messages yet'}
                  </span>
                  <span className="block text-[0.7rem] text-slate-600">{formatRelative(session.updated_at)}</span>
                </NavLink>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}

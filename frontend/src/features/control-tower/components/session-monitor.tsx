import { Bot, Hand, SendHorizontal, ShieldCheck, Undo2, User } from 'lucide-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getErrorMessage } from '@/lib/api-client';
import { useLiveSocket } from '@/lib/use-live-socket';
import {
  fetchEarlierAdminMessages,
  handBack,
  sendAdminMessage,
  takeOver,
  useAdminConversation,
  useSessionAction,
} from '../api/control-tower-api';
import type { ChatLine, ChatRole, ChatStatus } from '@/types/api';
import type { AdminChatSession } from '../api/types';
import { EarlierMessagesButton } from '@/components/ui/earlier-messages';
import { useEarlierMessages } from '@/lib/use-earlier-messages';
import { ChatStatusBadge } from './chat-status-badge';
import { WaitingBadge } from './waiting-badge';
import { apiLimits } from '@/lib/api-limits.generated';

// Lines that arrived over the socket have no id yet; stored and live lines are matched by their content.
type ShownLine = Omit<ChatLine, 'id' | 'version'> & { id?: string; version?: number };
type Line = ShownLine & { key: string };
type Notice = { key: string; text: string };

const roleLooks: Record<ChatRole, { label: string; Icon: typeof User; className: string }> = {
  user: { label: 'Seeker', Icon: User, className: 'bg-white ring-1 ring-slate-900/10 text-slate-800' },
  assistant: { label: 'AI coach', Icon: Bot, className: 'bg-indigo-50 text-slate-800 ring-1 ring-indigo-100' },
  admin: { label: 'Agent', Icon: ShieldCheck, className: 'bg-amber-50 text-slate-800 ring-1 ring-amber-200' },
};

const frameRoles: Record<string, ChatRole> = { user_message: 'user', ai_reply: 'assistant', admin_message: 'admin' };
const eventStatus: Record<string, ChatStatus> = { admin_takeover: 'active_human', admin_handback: 'active_ai', session_closed: 'closed' };

const sameLine = (a: ShownLine, b: ShownLine) =>
  a.role === b.role && a.content === b.content && Date.parse(a.timestamp) === Date.parse(b.timestamp);

let counter = 0;

/** One conversation, live over /ws/chat/{id} (as an admin): take over, reply, hand back. Keyed by the session id. */
export function SessionMonitor({ sessionId, session }: { sessionId: string; session: AdminChatSession | undefined }) {
  const conversation = useAdminConversation(sessionId);
  const [live, setLive] = useState<Line[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  // A status learnt here (an event, or our own action) wins until the list reports a newer change.
  const [override, setOverride] = useState<{ status: ChatStatus; listUpdatedAt: string | undefined } | null>(null);
  const [busy, setBusy] = useState<'takeover' | 'handback' | 'reply' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const takeOverSession = useSessionAction(takeOver);
  const handBackSession = useSessionAction(handBack);
  const { refetch } = conversation;
  const reloadConversation = useCallback(() => void refetch(), [refetch]);
  const listUpdatedAt = useRef(session?.updated_at);
  useEffect(() => {
    listUpdatedAt.current = session?.updated_at;
  }, [session?.updated_at]);

  const onMessage = useCallback(
    (message: unknown) => {
      const frame = message as { type?: string; event?: string; content?: string; timestamp?: string; note?: string };
      if (frame.type === 'history_replay') {
        reloadConversation(); // (re)connected: the full conversation is fetched again, live lines are deduplicated
        return;
      }
      if (frame.type && frameRoles[frame.type] && typeof frame.content === 'string') {
        const line: Line = { key: `l${++counter}`, role: frameRoles[frame.type], content: frame.content, timestamp: frame.timestamp ?? new Date().toISOString() };
        setLive((current) => (current.some((other) => sameLine(other, line)) ? current : [...current, line]));
        return;
      }
      if (frame.event && eventStatus[frame.event]) {
        const status = eventStatus[frame.event];
        setOverride({ status, listUpdatedAt: listUpdatedAt.current });
        setNotices((current) => [...current, { key: `n${++counter}`, text: frame.note ?? status }]);
      }
    },
    [reloadConversation],
  );
  const { status: socket } = useLiveSocket({ path: `/ws/chat/${encodeURIComponent(sessionId)}`, onMessage });

  const listStatus = session?.status;
  const status: ChatStatus | undefined =
    override && override.listUpdatedAt === session?.updated_at ? override.status : (listStatus ?? conversation.data?.status);
  const [earlierLines, setEarlierLines] = useState<ChatLine[]>([]);
  const stored = conversation.data?.messages ?? [];
  const keepScroll = useRef(false);
  const earlier = useEarlierMessages(
    conversation.data,
    (before) => fetchEarlierAdminMessages(sessionId, before),
    (page) => {
      keepScroll.current = true; // older lines go above: stay where the reader is
      setEarlierLines((shown) => [...page.messages.filter((line) => !shown.some((other) => other.id === line.id)), ...shown]);
    },
  );
  const lines: ShownLine[] = [
    ...earlierLines.filter((line) => !stored.some((other) => other.id === line.id)),
    ...stored,
    ...live.filter((line) => !stored.some((other) => sameLine(other, line))),
  ];

  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (keepScroll.current) {
      keepScroll.current = false;
      return;
    }
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [lines.length, notices.length]);

  const run = async (kind: 'takeover' | 'handback', action: () => Promise<void>, next: ChatStatus) => {
    setBusy(kind);
    setActionError(null);
    try {
      await action();
      setOverride({ status: next, listUpdatedAt: session?.updated_at });
    } catch (error) {
      setActionError(getErrorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const submitReply = async (event: FormEvent) => {
    event.preventDefault();
    const content = reply.trim();
    if (!content) return;
    setBusy('reply');
    setActionError(null);
    try {
      await sendAdminMessage(sessionId, content);
      setReply('');
      if (socket !== 'open') reloadConversation(); // the message would have come back over the socket
    } catch (error) {
      setActionError(getErrorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const takenOver = status === 'active_human';
  const closed = status === 'closed';

  return (
    <section aria-label="Conversation" className="flex min-h-[32rem] flex-col overflow-hidden rounded-2xl bg-slate-50 shadow-sm ring-1 ring-slate-900/5">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold text-slate-900">
            {session?.seeker_name ?? session?.seeker_email ?? 'Seeker'} · {session?.job_title ?? conversation.data?.job_title ?? 'General chat'}
          </h2>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            {status && <ChatStatusBadge status={status} />}
            {status !== 'closed' && <WaitingBadge count={session?.waiting_messages ?? 0} />}
            <span>{socket === 'open' ? 'Watching live' : socket === 'offline' ? 'Live view unavailable' : 'Connecting…'}</span>
          </p>
        </div>
        <div className="flex gap-2">
          {!takenOver && !closed && (
            <Button onClick={() => run('takeover', () => takeOverSession.mutateAsync(sessionId), 'active_human')} isLoading={busy === 'takeover'}>
              <Hand aria-hidden="true" className="size-4" />
              Take over
            </Button>
          )}
          {takenOver && (
            <Button variant="secondary" onClick={() => run('handback', () => handBackSession.mutateAsync(sessionId), 'active_ai')} isLoading={busy === 'handback'}>
              <Undo2 aria-hidden="true" className="size-4" />
              Hand back
            </Button>
          )}
        </div>
      </header>

      {actionError && (
        <Alert tone="error" className="m-3">
          {actionError}
        </Alert>
      )}
      {conversation.status === 'error' && (
        <Alert tone="error" className="m-3">
          We couldn't load the conversation. {conversation.error?.message}
        </Alert>
      )}

      <div ref={scroller} className="flex-1 overflow-y-auto px-4 py-4">
        <EarlierMessagesButton {...earlier} className="mb-3" />
        <ol role="log" aria-label="Messages" aria-live="polite" className="space-y-3">
          {lines.map((line, index) => {
            const { label, Icon, className } = roleLooks[line.role] ?? roleLooks.user;
            return (
              <li key={line.id ?? `${line.timestamp}-${index}`} data-role={line.role} className={`flex ${line.role === 'user' ? 'justify-start' : 'justify-end'}`}>
                <div className={`max-w-[80%] rounded-2xl px-3.5 py-2 text-sm shadow-sm ${className}`}>
                  <span className="mb-0.5 flex items-center gap-1 text-[0.7rem] font-semibold text-slate-500 uppercase">
                    <Icon aria-hidden="true" className="size-3" />
                    {label}
                  </span>
                  <p className="break-words whitespace-pre-wrap">{line.content}</p>
                </div>
              </li>
            );
          })}
          {notices.map((notice) => (
            <li key={notice.key} className="text-center text-xs font-medium text-slate-600">
              {notice.text}
            </li>
          ))}
        </ol>
        {conversation.isPending && <p className="text-sm text-slate-500">Loading the conversation…</p>}
      </div>

      <form onSubmit={submitReply} className="border-t border-slate-200 bg-white p-3">
        <label htmlFor="agent-reply" className="sr-only">
          Reply as agent
        </label>
        <div className="flex items-end gap-2">
          <textarea
            id="agent-reply"
            rows={2}
            value={reply}
            maxLength={apiLimits.schemas.AdminReply.content.maxBytes}
            disabled={!takenOver}
            onChange={(event) => setReply(event.target.value)}
            placeholder={takenOver ? 'Write to the seeker…' : closed ? 'This chat is closed.' : 'Take over to reply.'}
            className="block flex-1 resize-y rounded-lg border-0 px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50"
          />
          <Button type="submit" disabled={!takenOver || !reply.trim()} isLoading={busy === 'reply'}>
            <SendHorizontal aria-hidden="true" className="size-4" />
            Send reply
          </Button>
        </div>
      </form>
    </section>
  );
}

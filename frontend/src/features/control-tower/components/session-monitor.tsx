import { Hand, SendHorizontal, Undo2, User } from 'lucide-react';
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
import type { ChatLine, ChatStatus, Schemas } from '@/types/api';
import { SpeakerTag } from '@/components/chat/speaker-tag';
import { byVersion, humanBubble, spokenSpeaker } from '@/lib/chat-speakers';
import type { AdminChatSession } from '../api/types';
import { EarlierMessagesButton } from '@/components/ui/earlier-messages';
import { useEarlierMessages } from '@/lib/use-earlier-messages';
import { ChatStatusBadge } from './chat-status-badge';
import { WaitingBadge } from './waiting-badge';
import { apiLimits } from '@/lib/api-limits.generated';

type ChatNoticeLine = Schemas['ChatNoticeLine'];

// Every item (stored or live) carries its event's version: items are ordered and de-duplicated by it.
type Item =
  | ({ kind: 'message'; key: string } & Omit<ChatLine, 'id'> & { id?: string | null })
  | { kind: 'notice'; key: string; version: number; text: string; human: boolean };

const lineLooks = {
  user: 'bg-white ring-1 ring-slate-900/10 text-slate-800',
  assistant: 'bg-indigo-50 text-slate-800 ring-1 ring-indigo-100',
  admin: humanBubble,
} as const;

const frameRoles: Record<string, ChatLine['role']> = { user_message: 'user', ai_reply: 'assistant', admin_message: 'admin' };
const eventStatus: Record<string, ChatStatus> = { admin_takeover: 'active_human', admin_handback: 'active_ai', session_closed: 'closed' };

const messageItem = (line: ChatLine): Item => ({ kind: 'message', key: `m${line.version}`, ...line });
const noticeItem = (notice: Pick<ChatNoticeLine, 'version' | 'note'> & { event: string }): Item => ({
  kind: 'notice',
  key: `n${notice.version}`,
  version: notice.version,
  text: notice.note,
  human: notice.event === 'chat_taken_over' || notice.event === 'admin_takeover',
});

/** The items of every source, once each (by version), in version order. */
function timeline(...sources: Item[][]): Item[] {
  const seen = new Set<number>();
  const all: Item[] = [];
  for (const item of sources.flat()) {
    if (seen.has(item.version)) continue;
    seen.add(item.version);
    all.push(item);
  }
  return byVersion(all);
}

/** One conversation, live over /ws/chat/{id} (as an admin): take over, reply, hand back. Keyed by the session id. */
export function SessionMonitor({ sessionId, session }: { sessionId: string; session: AdminChatSession | undefined }) {
  const conversation = useAdminConversation(sessionId);
  const [live, setLive] = useState<Item[]>([]);
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
      const frame = message as {
        type?: string;
        event?: string;
        id?: string | null;
        version?: number;
        content?: string;
        timestamp?: string | null;
        note?: string;
        author_name?: string | null;
      };
      if (frame.type === 'history_replay') {
        reloadConversation(); // (re)connected: the full conversation is fetched again, live items are deduplicated
        return;
      }
      if (typeof frame.version !== 'number') return;
      const version = frame.version;
      if (frame.type && frameRoles[frame.type] && typeof frame.content === 'string') {
        const item = messageItem({
          id: frame.id ?? `live-${version}`,
          version,
          role: frameRoles[frame.type],
          content: frame.content,
          timestamp: frame.timestamp ?? new Date().toISOString(),
          author_name: frame.author_name ?? null,
        });
        setLive((current) => (current.some((other) => other.version === version) ? current : [...current, item]));
        return;
      }
      if (frame.event && eventStatus[frame.event]) {
        const status = eventStatus[frame.event];
        setOverride({ status, listUpdatedAt: listUpdatedAt.current });
        if (frame.event === 'session_closed') {
          const closed: Item = { kind: 'notice', key: `n${version}`, version, text: frame.note ?? 'This chat has been closed.', human: false };
          setLive((current) => (current.some((other) => other.version === version) ? current : [...current, closed]));
          return;
        }
        const item = noticeItem({ version, note: frame.note ?? status, event: frame.event });
        setLive((current) => (current.some((other) => other.version === version) ? current : [...current, item]));
      }
    },
    [reloadConversation],
  );
  const { status: socket } = useLiveSocket({ path: `/ws/chat/${encodeURIComponent(sessionId)}`, onMessage });

  const listStatus = session?.status;
  const status: ChatStatus | undefined =
    override && override.listUpdatedAt === session?.updated_at ? override.status : (listStatus ?? conversation.data?.status);
  const [earlierItems, setEarlierItems] = useState<Item[]>([]);
  const stored = conversation.data;
  const keepScroll = useRef(false);
  const earlier = useEarlierMessages(
    conversation.data,
    (before) => fetchEarlierAdminMessages(sessionId, before),
    (page) => {
      keepScroll.current = true; // older lines go above: stay where the reader is
      setEarlierItems((shown) => timeline(shown, page.messages.map(messageItem), (page.notices ?? []).map(noticeItem)));
    },
  );
  const items = timeline(
    (stored?.messages ?? []).map(messageItem),
    (stored?.notices ?? []).map(noticeItem),
    earlierItems,
    live,
  );

  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (keepScroll.current) {
      keepScroll.current = false;
      return;
    }
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [items.length]);

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
          {items.map((item) => {
            if (item.kind === 'notice') {
              return (
                <li
                  key={item.key}
                  data-kind="notice"
                  data-version={item.version}
                  className={`text-center text-xs font-medium ${item.human ? 'text-amber-900' : 'text-slate-600'}`}
                >
                  {item.text}
                </li>
              );
            }
            const className = lineLooks[item.role] ?? lineLooks.user;
            return (
              <li
                key={item.key}
                data-role={item.role}
                data-version={item.version}
                className={`flex ${item.role === 'user' ? 'justify-start' : 'justify-end'}`}
              >
                <div className={`max-w-[80%] rounded-2xl px-3.5 py-2 text-sm shadow-sm ${className}`}>
                  <span className="sr-only">{spokenSpeaker(item.role, item.author_name, null)} </span>
                  {item.role === 'user' ? (
                    <span aria-hidden="true" className="mb-0.5 flex items-center gap-1 text-[0.7rem] font-semibold text-slate-600 uppercase">
                      <User className="size-3" />
                      Seeker
                    </span>
                  ) : (
                    <SpeakerTag role={item.role} authorName={item.author_name} />
                  )}
                  <p className="break-words whitespace-pre-wrap">{item.content}</p>
                </div>
              </li>
            );
          })}
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

import { ChevronLeft, ChevronRight, MessagesSquare } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { TextField } from '@/components/ui/text-field';
import { formatDateTime, formatRelative } from '@/lib/format';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { chatEventLabel, chatEventSummary, conversationAt, useChatHistory, useChatSessionsForHistory } from '../api/chat-history';
import { historyNotReady } from './history-not-ready';

const statusLabels = { active_ai: 'AI coach', active_human: 'Human agent', closed: 'Closed' } as const;

/** The History page's "Chats" tab: pick a chat session (or paste its id, `?chat=`), replay it event by event. */
export function ChatHistoryView() {
  const [searchParams, updateSearchParams] = useSearchParamState();
  const selectedId = searchParams.get('chat');
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <ChatSessionPicker selectedId={selectedId} onPick={(id) => updateSearchParams({ chat: id })} />
      {selectedId ? (
        <ChatReplay key={selectedId} sessionId={selectedId} />
      ) : (
        <EmptyState icon={MessagesSquare} title="Pick a chat to replay">
          Choose a session on the left, or paste its ID.
        </EmptyState>
      )}
    </div>
  );
}

function ChatSessionPicker({ selectedId, onPick }: { selectedId: string | null; onPick: (id: string) => void }) {
  const sessions = useChatSessionsForHistory();
  const [pastedId, setPastedId] = useState('');
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (pastedId.trim()) onPick(pastedId.trim());
  };
  const sorted = [...(sessions.data ?? [])].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));

  return (
    <section aria-labelledby="chat-picker-title" className="space-y-4 self-start rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5">
      <h2 id="chat-picker-title" className="text-lg font-semibold text-slate-900">
        Chats
      </h2>
      <form onSubmit={open} className="flex items-end gap-2">
        <TextField
          className="flex-1"
          label="Session ID"
          value={pastedId}
          onChange={(event) => setPastedId(event.target.value)}
          placeholder="Paste a session ID"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" variant="secondary" disabled={!pastedId.trim()}>
          Open
        </Button>
      </form>
      {sessions.status === 'error' && <Alert tone="error">We couldn't load the sessions. {sessions.error?.message}</Alert>}
      {sessions.isPending && <p className="text-sm text-slate-500">Loading sessions…</p>}
      {sessions.data && sorted.length === 0 && <p className="text-sm text-slate-600">No chats yet.</p>}
      {sorted.length > 0 && (
        <ul aria-label="Chats to replay" className="-mx-1 max-h-[28rem] space-y-1 overflow-y-auto px-1">
          {sorted.map((session) => (
            <li key={session.id}>
              <button
                type="button"
                aria-current={session.id === selectedId ? 'true' : undefined}
                onClick={() => onPick(session.id)}
                className={`w-full rounded-lg px-3 py-2 text-left focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  session.id === selectedId ? 'bg-indigo-50 ring-1 ring-indigo-200 ring-inset' : 'hover:bg-slate-50'
                }`}
              >
                <span className="block truncate text-sm font-semibold text-slate-900">{session.seeker_name || session.seeker_email || 'Seeker'}</span>
                <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <span className="truncate">{session.job_title ?? 'General chat'}</span>
                  <Badge tone={session.status === 'closed' ? 'neutral' : 'brand'}>{statusLabels[session.status] ?? session.status}</Badge>
                  <span>{formatRelative(session.updated_at)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const roleLooks = {
  user: { label: 'Seeker', className: 'bg-white ring-1 ring-slate-900/10', align: 'justify-start' },
  assistant: { label: 'AI coach', className: 'bg-indigo-50 ring-1 ring-indigo-100', align: 'justify-end' },
  admin: { label: 'Agent', className: 'bg-amber-50 ring-1 ring-amber-200', align: 'justify-end' },
} as const;

function ChatReplay({ sessionId }: { sessionId: string }) {
  const history = useChatHistory(sessionId);
  const [picked, setPicked] = useState<number | null>(null);

  const notReady = historyNotReady(history, 'chat', sessionId);
  if (notReady) return notReady;
  const events = history.data ?? [];

  const step = picked !== null && picked < events.length ? picked : events.length - 1;
  const { lines, status } = conversationAt(events, step);
  const current = events[step];

  return (
    <div className="space-y-6">
      <section aria-label="Conversation at event" className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-900/5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-semibold text-slate-900">
            Event {step + 1} of {events.length} · {chatEventLabel(current)}{' '}
            <Badge tone={status === 'closed' ? 'neutral' : status === 'active_human' ? 'warning' : 'brand'}>{statusLabels[status]}</Badge>
          </p>
          <div className="flex items-center gap-1">
            <Button variant="secondary" className="px-2" aria-label="Previous event" disabled={step === 0} onClick={() => setPicked(step - 1)}>
              <ChevronLeft aria-hidden="true" className="size-4" />
            </Button>
            <input
              type="range"
              aria-label="Event"
              min={1}
              max={events.length}
              value={step + 1}
              onChange={(event) => setPicked(Number(event.target.value) - 1)}
              className="w-32 accent-indigo-600 sm:w-48"
            />
            <Button variant="secondary" className="px-2" aria-label="Next event" disabled={step === events.length - 1} onClick={() => setPicked(step + 1)}>
              <ChevronRight aria-hidden="true" className="size-4" />
            </Button>
          </div>
        </div>
        <ol aria-label="Conversation" className="max-h-[28rem] space-y-2 overflow-y-auto rounded-xl bg-slate-50 p-3">
          {lines.length === 0 && <li className="text-sm text-slate-500">No messages yet at this point.</li>}
          {lines.map((line, index) =>
            line.kind === 'notice' ? (
              <li key={index} className="text-center text-xs font-medium text-slate-600">
                {line.text}
              </li>
            ) : (
              <li key={index} data-role={line.role} className={`flex ${(roleLooks[line.role] ?? roleLooks.user).align}`}>
                <div className={`max-w-[80%] rounded-2xl px-3 py-2 text-sm text-slate-800 ${(roleLooks[line.role] ?? roleLooks.user).className}`}>
                  <span className="block text-[0.7rem] font-semibold text-slate-600 uppercase">{(roleLooks[line.role] ?? roleLooks.user).label}</span>
                  <p className="break-words whitespace-pre-wrap">{line.content}</p>
                </div>
              </li>
            ),
          )}
        </ol>
      </section>

      <section aria-labelledby="chat-timeline-title">
        <h2 id="chat-timeline-title" className="mb-3 text-lg font-semibold text-slate-900">
          Timeline
        </h2>
        <ol aria-label="Chat events" className="space-y-2 border-l-2 border-slate-200 pl-5">
          {events.map((event, index) => {
            const summary = chatEventSummary(event);
            const isCurrent = index === step;
            return (
              <li
                key={`${event.version}-${event.sequence}`}
                aria-current={isCurrent ? 'step' : undefined}
                className={`rounded-xl bg-white p-3 shadow-sm ring-1 ${isCurrent ? 'ring-2 ring-indigo-500' : 'ring-slate-900/5'} ${index > step ? 'opacity-60' : ''}`}
              >
                <button type="button" onClick={() => setPicked(index)} className="w-full text-left focus-visible:outline-2 focus-visible:outline-indigo-600">
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={event.type === 'coach_reply_failed' ? 'danger' : 'neutral'}>v{event.version}</Badge>
                    <span className="text-sm font-semibold text-slate-900">{chatEventLabel(event)}</span>
                    <span className="font-mono text-xs text-slate-500">{event.type}</span>
                  </span>
                  <span className="mt-1 block text-xs text-slate-500">
                    <time dateTime={event.timestamp}>{formatDateTime(event.timestamp)}</time>
                  </span>
                  {summary && <span className="mt-1 block text-sm break-words text-slate-700">{summary}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

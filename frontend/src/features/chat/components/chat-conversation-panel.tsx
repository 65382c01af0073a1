import { BriefcaseBusiness, MessagesSquare } from 'lucide-react';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { jobDetailPath } from '@/config/paths';
import { chatSocketPath, fetchEarlierMessages, useChatConversation } from '../api/chat-api';
import type { ChatServerFrame } from '../api/types';
import { type TerminalCloseCode, useLiveSocket } from '@/lib/use-live-socket';
import { messageFrame, newClientId } from '../lib/client-id';
import { conversationReducer, initialConversation, unconfirmedMessages } from '../lib/conversation';
import { ConnectionIndicator } from './connection-indicator';
import { EarlierMessagesButton } from '@/components/ui/earlier-messages';
import { useEarlierMessages } from '@/lib/use-earlier-messages';
import { MessageComposer } from './message-composer';
import { MessageList } from './message-list';

const closeProblems: Record<Exclude<TerminalCloseCode, 4401>, string> = {
  4403: "This chat isn't open to you any more: it belongs to someone else or has been closed.",
  4404: "This chat doesn't exist. It may have been removed — start a new one from the list.",
};

/** One conversation: loads it, then stays live over /ws/chat/{id}. Keyed by the session id. */
export function ChatConversationPanel({ sessionId, onActivity }: { sessionId: string; onActivity?: () => void }) {
  const conversation = useChatConversation(sessionId);
  const [state, dispatch] = useReducer(conversationReducer, initialConversation);
  const [problem, setProblem] = useState<string | null>(null);
  const onActivityRef = useRef(onActivity);
  useEffect(() => {
    onActivityRef.current = onActivity;
  }, [onActivity]);

  useEffect(() => {
    if (conversation.data) {
      dispatch({
        type: 'merge',
        messages: conversation.data.messages,
        notices: conversation.data.notices,
        status: conversation.data.status,
        replay: false,
      });
    }
  }, [conversation.data]);

  const earlier = useEarlierMessages(
    conversation.data,
    (before) => fetchEarlierMessages(sessionId, before),
    (page) => dispatch({ type: 'merge', messages: page.messages, notices: page.notices, replay: false }),
  );

  const onFrame = useCallback((raw: unknown) => {
    if (!raw || typeof raw !== 'object') return;
    const frame = raw as ChatServerFrame;
    if ('event' in frame) {
      const status = frame.event === 'admin_takeover' ? 'active_human' : frame.event === 'admin_handback' ? 'active_ai' : 'closed';
      const fallback =
        frame.event === 'admin_takeover' ? 'A human coach joined the chat.'
        : frame.event === 'admin_handback' ? 'The AI coach is back.'
        : 'This chat has been closed.';
      dispatch({ type: 'status', status });
      dispatch({
        type: 'notice',
        tone: frame.event === 'session_closed' ? 'warning' : 'info',
        text: frame.note || fallback,
        version: frame.version ?? undefined,
        human: frame.event === 'admin_takeover',
      });
      return;
    }
    switch (frame.type) {
      case 'history_replay':
        dispatch({ type: 'merge', messages: frame.messages ?? [], notices: frame.notices ?? [], status: frame.session_status, replay: true });
        return;
      case 'ai_reply':
      case 'admin_message':
        dispatch({ type: 'acknowledged' });
        dispatch({
          type: 'received',
          role: frame.type === 'ai_reply' ? 'assistant' : 'admin',
          content: frame.content,
          timestamp: frame.timestamp,
          version: frame.version,
          authorName: frame.author_name,
        });
        onActivityRef.current?.();
        return;
      case 'queued':
        dispatch({ type: 'acknowledged' });
        dispatch({ type: 'notice', tone: 'info', text: frame.message || 'Your message has been forwarded to a human agent' });
        return;
      case 'error':
        dispatch({ type: 'notice', tone: 'error', text: frame.message || 'Something went wrong.' });
        return;
      default:
        return; // user_message goes to admins only; anything new is ignored
    }
  }, []);

  // 4401 has signed the user out already (the hook does it); the other codes are explained here.
  const onTerminalClose = useCallback((code: TerminalCloseCode) => {
    if (code !== 4401) setProblem(closeProblems[code]);
  }, []);

  const loadStatus = conversation.error?.status ?? null;
  const missing = loadStatus === 404 || loadStatus === 403;
  const { status: connection, send } = useLiveSocket({
    path: problem || missing ? null : chatSocketPath(sessionId),
    onMessage: onFrame,
    onTerminalClose,
  });

  // After each history replay (the first connect and every reconnect), resend what the server may not have
  // received, with the same client_id so it is stored once.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  useEffect(() => {
    if (state.replays === 0) return;
    const resent = unconfirmedMessages(stateRef.current)
      .filter(({ content, clientId }) => send(messageFrame(content, clientId)))
      .map(({ clientId }) => clientId);
    if (resent.length > 0) dispatch({ type: 'delivery', clientIds: resent, delivery: 'sent' });
  }, [state.replays, send]);

  const handleSend = (content: string) => {
    const clientId = newClientId();
    const sent = connection === 'open' && send(messageFrame(content, clientId));
    dispatch({ type: 'wrote', content, clientId, delivery: sent ? 'sent' : 'pending' });
  };

  const info = conversation.data;
  const closed = state.status === 'closed';
  const blocked = problem ?? (missing ? closeProblems[loadStatus === 404 ? 4404 : 4403] : null);
  const waitingForCoach =
    state.status !== 'active_human' && state.items.some((item) => item.kind === 'message' && item.delivery === 'sent');

  return (
    <section
      aria-label="Conversation"
      className="flex min-h-[32rem] flex-col overflow-hidden rounded-2xl bg-slate-50 shadow-sm ring-1 ring-slate-900/5 md:h-[calc(100vh-14rem)]"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold text-slate-900">
            {info ? (info.job_title ?? 'General chat') : 'Chat'}
          </h2>
          {info?.job_id && (
            <Link to={jobDetailPath(info.job_id)} className="inline-flex items-center gap-1 text-xs font-medium text-indigo-700 hover:underline">
              <BriefcaseBusiness aria-hidden="true" className="size-3.5" />
              View the job
            </Link>
          )}
        </div>
        <ConnectionIndicator status={blocked ? 'offline' : connection} />
      </header>

      {blocked && (
        <Alert tone="error" className="m-3">
          {blocked}
        </Alert>
      )}
      {conversation.status === 'error' && !missing && (
        <Alert tone="warning" className="m-3">
          We couldn't load the earlier messages. {conversation.error?.message}{' '}
          <Button variant="ghost" className="!px-1 !py-0 underline" onClick={() => void conversation.refetch()}>
            Try again
          </Button>
        </Alert>
      )}

      <EarlierMessagesButton {...earlier} className="border-b border-slate-200 py-2" />

      {state.items.length === 0 && !blocked && !waitingForCoach ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 px-6 text-center text-sm text-slate-600">
          <MessagesSquare aria-hidden="true" className="size-8 text-slate-400" />
          {conversation.isPending ? 'Loading the conversation…' : 'Say hello — ask about interviews, your resume or a job.'}
        </div>
      ) : (
        <MessageList items={state.items} coachTyping={waitingForCoach && connection === 'open'} />
      )}

      <MessageComposer
        disabled={Boolean(blocked) || closed}
        disabledReason={closed ? 'This chat is closed.' : 'This chat is unavailable.'}
        onSend={handleSend}
      />
    </section>
  );
}

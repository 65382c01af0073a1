import { Info, TriangleAlert, UserRound } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { ChatItem } from '../lib/conversation';
import { Markdown } from '@/components/markdown/markdown';
import { SpeakerTag } from '@/components/chat/speaker-tag';
import { humanBubble, spokenSpeaker } from '@/lib/chat-speakers';

const deliveryLabels = { pending: 'Waiting for connection…', sent: 'Sending…', delivered: null } as const;

/**
 * The conversation: the seeker on the right, the coach on the left (a human agent in a warm bubble under their name
 * and a "Human" badge, the AI under "AI coach"), notices centred at their place.
 */
export function MessageList({ items, coachTyping }: { items: ChatItem[]; coachTyping: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [items.length, coachTyping]);

  return (
    // The log role is on the scroller: on the <ol> it would take the list's meaning from its items.
    <div ref={scroller} role="log" aria-label="Messages" aria-live="polite" className="min-h-64 flex-1 overflow-y-auto px-3 py-4 sm:px-5">
      <ol className="space-y-3">
        {items.map((item) => {
          if (item.kind === 'notice') {
            const Icon = item.human ? UserRound : item.tone === 'info' ? Info : TriangleAlert;
            const tone =
              item.tone === 'error' ? 'bg-red-50 text-red-800'
              : item.tone === 'warning' || item.human ? 'bg-amber-50 text-amber-900'
              : 'bg-slate-100 text-slate-700';
            return (
              <li key={item.key} data-kind="notice" data-version={item.version} className="flex justify-center">
                <span className={`inline-flex max-w-[90%] items-center gap-1.5 rounded-full px-3 py-1 text-xs font-medium ${tone}`}>
                  <Icon aria-hidden="true" className="size-3.5 shrink-0" />
                  {item.text}
                </span>
              </li>
            );
          }
          const mine = item.role === 'user';
          const human = item.role === 'admin';
          const delivery = mine && item.delivery ? deliveryLabels[item.delivery] : null;
          const look = mine
            ? 'rounded-br-md bg-indigo-600 text-white'
            : human
              ? `rounded-bl-md ${humanBubble}`
              : 'rounded-bl-md bg-white text-slate-800 ring-1 ring-slate-900/10';
          return (
            <li
              key={item.key}
              data-side={mine ? 'right' : 'left'}
              data-speaker={mine ? 'seeker' : human ? 'human' : 'ai'}
              data-version={item.version}
              className={`flex ${mine ? 'justify-end' : 'justify-start'}`}
            >
              <div className={`max-w-[85%] rounded-2xl px-3.5 py-2 text-sm shadow-sm sm:max-w-[75%] ${look}`}>
                <span className="sr-only">{spokenSpeaker(item.role, item.authorName, 'user')} </span>
                {!mine && <SpeakerTag role={human ? 'admin' : 'assistant'} authorName={item.authorName} />}
                {mine ? <p className="break-words whitespace-pre-wrap">{item.content}</p> : <Markdown text={item.content} />}
                {delivery && <span className="mt-1 block text-right text-[0.7rem] text-indigo-100">{delivery}</span>}
              </div>
            </li>
          );
        })}
        {coachTyping && (
          <li data-kind="typing" className="flex justify-start">
            <span className="rounded-2xl rounded-bl-md bg-white px-3.5 py-2 text-sm text-slate-500 ring-1 ring-slate-900/10">
              Coach is typing…
            </span>
          </li>
        )}
      </ol>
    </div>
  );
}

import { Bot, UserRound } from 'lucide-react';
import { agentLabel } from '@/lib/chat-speakers';

/**
 * The visible name above a coach's message: the AI coach, or a human agent with a "Human" badge. Hidden from screen
 * readers, which hear the line's spoken speaker (see spokenSpeaker) instead.
 */
export function SpeakerTag({ role, authorName }: { role: 'assistant' | 'admin'; authorName?: string | null }) {
  if (role === 'assistant') {
    return (
      <span aria-hidden="true" data-speaker="ai" className="mb-0.5 flex items-center gap-1 text-[0.7rem] font-semibold text-slate-600">
        <Bot className="size-3.5 shrink-0" />
        AI coach
      </span>
    );
  }
  return (
    <span aria-hidden="true" data-speaker="human" className="mb-1 flex flex-wrap items-center gap-1.5 text-xs font-semibold text-amber-900">
      <UserRound className="size-3.5 shrink-0" />
      <span className="break-words">{agentLabel(authorName)}</span>
      <span className="rounded-full bg-amber-200 px-1.5 py-px text-[0.65rem] font-bold tracking-wide text-amber-950 uppercase">Human</span>
    </span>
  );
}

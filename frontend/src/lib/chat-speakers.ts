import type { ChatRole } from '@/types/api';

/** How a human agent without a display name is shown (the server's ChatRules.HumanCoachName). */
export const humanCoachName = 'Ottobon coach (human)';

/** The name a human agent's messages are shown under. */
export function agentLabel(authorName: string | null | undefined): string {
  return authorName?.trim() ? authorName.trim() : humanCoachName;
}

/**
 * What a screen reader hears before a message: "You said:", "AI coach said:", "Priya (human coach) said:".
 * `self` is the role of the person reading (the seeker sees their own lines as "You").
 */
export function spokenSpeaker(role: ChatRole, authorName: string | null | undefined, self: ChatRole | null): string {
  if (role === self) return 'You said:';
  if (role === 'assistant') return 'AI coach said:';
  if (role === 'admin') return authorName?.trim() ? `${authorName.trim()} (human coach) said:` : `${humanCoachName} said:`;
  return 'Seeker said:';
}

/** Orders chat timeline items by their event's version; items without one (not stored yet) keep their place at the end. */
export function byVersion<T extends { version?: number | null }>(items: T[]): T[] {
  const versioned = items.filter((item) => typeof item.version === 'number');
  const rest = items.filter((item) => typeof item.version !== 'number');
  return [...versioned.sort((a, b) => a.version! - b.version!), ...rest];
}

/** The bubble colours of a human agent's message: warm, unlike the AI's (AA contrast for slate-900 text). */
export const humanBubble = 'bg-amber-50 text-slate-900 ring-1 ring-amber-300';

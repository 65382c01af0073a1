import type { ChatRole, ChatStatus } from '@/types/api';

/** Where a message the seeker wrote stands: waiting for a connection, written to the socket, or known stored. */
export type Delivery = 'pending' | 'sent' | 'delivered';

export type ChatItem =
  | {
      kind: 'message';
      key: string;
      role: ChatRole;
      content: string;
      /** The server's time; null for a message written here that the server has not echoed yet. */
      timestamp: string | null;
      clientId?: string;
      delivery?: Delivery;
    }
  | { kind: 'notice'; key: string; tone: 'info' | 'warning' | 'error'; text: string };

export type ConversationState = {
  items: ChatItem[];
  status: ChatStatus | null;
  /** Bumped by every history replay: the page then resends the seeker's messages the server does not have. */
  replays: number;
};

export const initialConversation: ConversationState = { items: [], status: null, replays: 0 };

type ServerLine = { role: ChatRole; content: string; timestamp: string };

export type ConversationAction =
  | { type: 'reset' }
  /** Messages from GET /api/chat/sessions/{id} (`replay: false`) or a history_replay frame (`replay: true`). */
  | { type: 'merge'; messages: ServerLine[]; status?: ChatStatus; replay: boolean }
  | { type: 'received'; role: ChatRole; content: string; timestamp?: string }
  | { type: 'wrote'; content: string; clientId: string; delivery: Delivery }
  | { type: 'delivery'; clientIds: string[]; delivery: Delivery }
  /** The server answered (ai_reply or queued): whatever was sent before has been stored. */
  | { type: 'acknowledged' }
  | { type: 'notice'; tone: 'info' | 'warning' | 'error'; text: string }
  | { type: 'status'; status: ChatStatus };

let sequence = 0;
const nextKey = (prefix: string) => `${prefix}-${++sequence}`;

const timeOf = (timestamp: string) => {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : time;
};

function sameLine(item: ChatItem, line: ServerLine): boolean {
  return (
    item.kind === 'message' &&
    item.timestamp !== null &&
    item.role === line.role &&
    item.content === line.content &&
    timeOf(item.timestamp) === timeOf(line.timestamp)
  );
}

/** Adds server messages that are not there yet (same role, content and timestamp), each in time order. */
function mergeLines(items: ChatItem[], lines: ServerLine[]): ChatItem[] {
  let merged = items;
  for (const line of lines) {
    if (merged.some((item) => sameLine(item, line))) continue;
    // The seeker's own message coming back from the server: it is stored, and now has the server's time.
    const ownIndex = merged.findIndex(
      (item) => item.kind === 'message' && item.role === 'user' && item.timestamp === null && item.content === line.content,
    );
    if (line.role === 'user' && ownIndex >= 0) {
      merged = merged.map((item, index) =>
        index === ownIndex && item.kind === 'message' ? { ...item, timestamp: line.timestamp, delivery: 'delivered' } : item,
      );
      continue;
    }
    const message: ChatItem = { kind: 'message', key: nextKey('m'), role: line.role, content: line.content, timestamp: line.timestamp };
    const time = Date.parse(line.timestamp);
    const before = merged.findIndex((item) => item.kind === 'message' && item.timestamp !== null && Date.parse(item.timestamp) > time);
    merged = before < 0 ? [...merged, message] : [...merged.slice(0, before), message, ...merged.slice(before)];
  }
  return merged;
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'reset':
      return initialConversation;
    case 'merge':
      return {
        items: mergeLines(state.items, action.messages),
        status: action.status ?? state.status,
        replays: action.replay ? state.replays + 1 : state.replays,
      };
    case 'received':
      if (action.timestamp) {
        const line = { role: action.role, content: action.content, timestamp: action.timestamp };
        if (state.items.some((item) => sameLine(item, line))) return state;
      }
      return {
        ...state,
        items: [
          ...state.items,
          { kind: 'message', key: nextKey('m'), role: action.role, content: action.content, timestamp: action.timestamp ?? null },
        ],
      };
    case 'wrote':
      return {
        ...state,
        items: [
          ...state.items,
          { kind: 'message', key: action.clientId, role: 'user', content: action.content, timestamp: null, clientId: action.clientId, delivery: action.delivery },
        ],
      };
    case 'delivery':
      return {
        ...state,
        items: state.items.map((item) =>
          item.kind === 'message' && item.clientId && action.clientIds.includes(item.clientId) && item.delivery !== 'delivered'
            ? { ...item, delivery: action.delivery }
            : item,
        ),
      };
    case 'acknowledged':
      if (!state.items.some((item) => item.kind === 'message' && item.delivery === 'sent')) return state;
      return {
        ...state,
        items: state.items.map((item) => (item.kind === 'message' && item.delivery === 'sent' ? { ...item, delivery: 'delivered' } : item)),
      };
    case 'notice':
      return { ...state, items: [...state.items, { kind: 'notice', key: nextKey('n'), tone: action.tone, text: action.text }] };
    case 'status':
      return { ...state, status: action.status };
  }
}

/** The seeker's messages the server has not confirmed: resent (same client_id) after a replay. */
export function unconfirmedMessages(state: ConversationState): { content: string; clientId: string }[] {
  return state.items.flatMap((item) =>
    item.kind === 'message' && item.clientId && item.delivery !== 'delivered' ? [{ content: item.content, clientId: item.clientId }] : [],
  );
}

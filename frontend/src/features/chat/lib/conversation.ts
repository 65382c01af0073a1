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
      /** The event's version (its place in the conversation); unknown for the seeker's own line until a replay. */
      version?: number;
      /** A human agent's name on their message (null: shown as "Ottobon coach (human)"). */
      authorName?: string | null;
    }
  | { kind: 'notice'; key: string; tone: 'info' | 'warning' | 'error'; text: string; version?: number; human?: boolean };

export type ConversationState = {
  items: ChatItem[];
  status: ChatStatus | null;
  /** Bumped by every history replay: the page then resends the seeker's messages the server does not have. */
  replays: number;
};

export const initialConversation: ConversationState = { items: [], status: null, replays: 0 };

type ServerLine = { role: ChatRole; content: string; timestamp: string; version?: number; author_name?: string | null };

/** A takeover or hand-back (or close) at its place in the conversation. */
export type ServerNotice = { event: string; note: string; version?: number | null };

export type ConversationAction =
  | { type: 'reset' }
  /** Messages from GET /api/chat/sessions/{id} (`replay: false`) or a history_replay frame (`replay: true`). */
  | { type: 'merge'; messages: ServerLine[]; notices?: ServerNotice[]; status?: ChatStatus; replay: boolean }
  | { type: 'received'; role: ChatRole; content: string; timestamp?: string; version?: number; authorName?: string | null }
  | { type: 'wrote'; content: string; clientId: string; delivery: Delivery }
  | { type: 'delivery'; clientIds: string[]; delivery: Delivery }
  /** The server answered (ai_reply or queued): whatever was sent before has been stored. */
  | { type: 'acknowledged' }
  | { type: 'notice'; tone: 'info' | 'warning' | 'error'; text: string; version?: number; human?: boolean }
  | { type: 'status'; status: ChatStatus };

let sequence = 0;
const nextKey = (prefix: string) => `${prefix}-${++sequence}`;

const timeOf = (timestamp: string) => {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : time;
};

const hasVersion = (item: ChatItem, version: number | undefined) => version !== undefined && item.version === version;

function sameLine(item: ChatItem, line: ServerLine): boolean {
  if (line.version !== undefined && item.version !== undefined) return item.version === line.version;
  return (
    item.kind === 'message' &&
    item.timestamp !== null &&
    item.role === line.role &&
    item.content === line.content &&
    timeOf(item.timestamp) === timeOf(line.timestamp)
  );
}

/**
 * Puts an item at its place: before the first item with a later version (or, without versions, a later time);
 * otherwise at the end.
 */
function insert(items: ChatItem[], item: ChatItem, timestamp: string | null): ChatItem[] {
  const time = timestamp ? Date.parse(timestamp) : NaN;
  const before =
    item.version !== undefined
      ? items.findIndex((other) => other.version !== undefined && other.version > item.version!)
      : Number.isNaN(time)
        ? -1
        : items.findIndex((other) => other.kind === 'message' && other.timestamp !== null && Date.parse(other.timestamp) > time);
  return before < 0 ? [...items, item] : [...items.slice(0, before), item, ...items.slice(before)];
}

/** Adds server messages that are not there yet (the same version, or role, content and timestamp), each at its place. */
function mergeLines(items: ChatItem[], lines: ServerLine[]): ChatItem[] {
  let merged = items;
  for (const line of lines) {
    if (merged.some((item) => item.kind === 'message' && sameLine(item, line))) continue;
    // The seeker's own message coming back from the server: it is stored, and now has the server's time and place.
    const ownIndex = merged.findIndex(
      (item) => item.kind === 'message' && item.role === 'user' && item.timestamp === null && item.content === line.content,
    );
    if (line.role === 'user' && ownIndex >= 0) {
      const own = merged[ownIndex];
      const rest = [...merged.slice(0, ownIndex), ...merged.slice(ownIndex + 1)];
      merged = insert(rest, { ...own, timestamp: line.timestamp, version: line.version, delivery: 'delivered' } as ChatItem, line.timestamp);
      continue;
    }
    const message: ChatItem = {
      kind: 'message',
      key: nextKey('m'),
      role: line.role,
      content: line.content,
      timestamp: line.timestamp,
      version: line.version,
      authorName: line.author_name ?? null,
    };
    merged = insert(merged, message, line.timestamp);
  }
  return merged;
}

const noticeTone = (event: string) => (event === 'session_closed' ? 'warning' : 'info');

/** Adds notices not there yet (by version), each at its place. */
function mergeNotices(items: ChatItem[], notices: ServerNotice[]): ChatItem[] {
  let merged = items;
  for (const notice of notices) {
    const version = notice.version ?? undefined;
    if (version !== undefined && merged.some((item) => hasVersion(item, version))) continue;
    const item: ChatItem = {
      kind: 'notice',
      key: nextKey('n'),
      tone: noticeTone(notice.event),
      text: notice.note,
      version,
      human: notice.event === 'admin_takeover' || notice.event === 'chat_taken_over',
    };
    merged = insert(merged, item, null);
  }
  return merged;
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'reset':
      return initialConversation;
    case 'merge':
      return {
        items: mergeNotices(mergeLines(state.items, action.messages), action.notices ?? []),
        status: action.status ?? state.status,
        replays: action.replay ? state.replays + 1 : state.replays,
      };
    case 'received':
      if (action.timestamp) {
        const line = { role: action.role, content: action.content, timestamp: action.timestamp, version: action.version };
        if (state.items.some((item) => item.kind === 'message' && sameLine(item, line))) return state;
      } else if (state.items.some((item) => hasVersion(item, action.version))) return state;
      return {
        ...state,
        items: insert(
          state.items,
          {
            kind: 'message',
            key: nextKey('m'),
            role: action.role,
            content: action.content,
            timestamp: action.timestamp ?? null,
            version: action.version,
            authorName: action.authorName ?? null,
          },
          null,
        ),
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
      if (state.items.some((item) => hasVersion(item, action.version))) return state;
      return {
        ...state,
        items: insert(state.items, { kind: 'notice', key: nextKey('n'), tone: action.tone, text: action.text, version: action.version, human: action.human }, null),
      };
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

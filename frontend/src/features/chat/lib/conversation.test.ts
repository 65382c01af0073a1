import { describe, expect, it } from 'vitest';
import { type ConversationState, conversationReducer, initialConversation } from './conversation';

const line = (version: number, role: 'user' | 'assistant' | 'admin', content: string, authorName: string | null = null) => ({
  version,
  role,
  content,
  timestamp: `2025-06-01T09:0${version}:00Z`,
  author_name: authorName,
});

const shown = (state: ConversationState) =>
  state.items.map((item) => (item.kind === 'notice' ? `notice:${item.text}` : `${item.role}:${item.content}`));

describe('the seeker conversation', () => {
  it('puts takeover and hand-back notices at their place among the messages, from a reload', () => {
    const state = conversationReducer(initialConversation, {
      type: 'merge',
      replay: false,
      messages: [line(2, 'assistant', 'Hi!'), line(3, 'user', 'Help?'), line(5, 'admin', 'Here.', 'Priya'), line(7, 'user', 'Thanks')],
      notices: [
        { event: 'chat_handed_back', note: 'The AI coach is back.', version: 6 },
        { event: 'chat_taken_over', note: 'A human coach (Priya) joined the chat.', version: 4 },
      ],
    });

    expect(shown(state)).toEqual([
      'assistant:Hi!',
      'user:Help?',
      'notice:A human coach (Priya) joined the chat.',
      'admin:Here.',
      'notice:The AI coach is back.',
      'user:Thanks',
    ]);
    const agent = state.items.find((item) => item.kind === 'message' && item.role === 'admin');
    expect(agent).toMatchObject({ authorName: 'Priya' });
  });

  it('shows each message and notice once however often the replay, the page and live frames repeat it', () => {
    let state = conversationReducer(initialConversation, { type: 'merge', replay: true, messages: [line(2, 'assistant', 'Hi!')] });
    state = conversationReducer(state, { type: 'notice', tone: 'info', text: 'A human coach joined the chat.', version: 3, human: true });
    state = conversationReducer(state, { type: 'received', role: 'admin', content: 'Here.', version: 4, timestamp: line(4, 'admin', '').timestamp });
    // A reconnect: the replay repeats all of it.
    state = conversationReducer(state, {
      type: 'merge',
      replay: true,
      messages: [line(2, 'assistant', 'Hi!'), line(4, 'admin', 'Here.')],
      notices: [{ event: 'admin_takeover', note: 'A human coach joined the chat.', version: 3 }],
    });
    state = conversationReducer(state, { type: 'notice', tone: 'info', text: 'A human coach joined the chat.', version: 3 });

    expect(shown(state)).toEqual(['assistant:Hi!', 'notice:A human coach joined the chat.', 'admin:Here.']);
  });

  it('places a live item that arrives late by its version, and the seeker’s own line when the replay confirms it', () => {
    let state = conversationReducer(initialConversation, { type: 'merge', replay: true, messages: [line(2, 'assistant', 'Hi!')] });
    state = conversationReducer(state, { type: 'wrote', content: 'Question', clientId: 'c-1', delivery: 'sent' });
    state = conversationReducer(state, { type: 'received', role: 'assistant', content: 'Answer', version: 5 });
    state = conversationReducer(state, { type: 'notice', tone: 'info', text: 'Late notice', version: 4 });
    expect(shown(state)).toEqual(['assistant:Hi!', 'user:Question', 'notice:Late notice', 'assistant:Answer']);

    state = conversationReducer(state, { type: 'merge', replay: true, messages: [line(3, 'user', 'Question')] });

    expect(shown(state)).toEqual(['assistant:Hi!', 'user:Question', 'notice:Late notice', 'assistant:Answer']);
    expect(state.items[1]).toMatchObject({ version: 3, delivery: 'delivered' });
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildJobDetails } from '@/testing/job-data';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { MockWebSocket } from '@/testing/mock-websocket';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { ChatSessionDetails } from '@/types/api';
import type { ChatSessionSummary } from '../api/types';

/** The shared mock socket, plus the app's messages as JSON. */
class ChatSocket extends MockWebSocket {
  sentMessages(): { type: string; content: string; client_id: string }[] {
    return this.sent.filter((frame) => frame.startsWith('{')).map((frame) => JSON.parse(frame));
  }
}

beforeEach(() => {
  MockWebSocket.instances = [];
  vi.stubGlobal('WebSocket', ChatSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const api = mockApi();

const session: ChatSessionSummary = {
  id: 'chat-1',
  user_id: 'user-seeker',
  status: 'active_ai',
  job_id: null,
  job_title: null,
  created_at: '2025-06-01T09:00:00Z',
  updated_at: '2025-06-01T09:05:00Z',
  last_message: { id: 'm2', role: 'assistant', content: 'Hello! How can I help?', timestamp: '2025-06-01T09:05:00Z', version: 2, author_name: null },
};

const conversation: ChatSessionDetails = {
  id: 'chat-1',
  user_id: 'user-seeker',
  status: 'active_ai',
  job_id: null,
  job_title: null,
  created_at: '2025-06-01T09:00:00Z',
  messages: [
    { id: 'm1', role: 'user', content: 'Hi coach', timestamp: '2025-06-01T09:04:00Z', version: 2, author_name: null },
    { id: 'm2', role: 'assistant', content: 'Hello! How can I help?', timestamp: '2025-06-01T09:05:00Z', version: 3, author_name: null },
  ],
  has_earlier: false,
  notices: [],
};

const replay = {
  type: 'history_replay',
  messages: conversation.messages.map(({ id, version, role, content, timestamp }) => ({ id, version, role, content, timestamp, author_name: null })),
  notices: [],
  version: 3,
  session_status: 'active_ai',
};

function startChat(url = '/chat/chat-1') {
  signedInAs(api, buildUser('seeker'));
  api.onGet('/chat/my-sessions').reply(200, [session]);
  api.onGet('/chat/sessions/chat-1').reply(200, conversation);
  return renderApp(url);
}

async function connected(): Promise<ChatSocket> {
  await waitFor(() => expect(MockWebSocket.instances.length).toBeGreaterThan(0));
  const socket = MockWebSocket.latest() as ChatSocket;
  socket.open();
  return socket;
}

const messages = () => screen.getByRole('log', { name: 'Messages' });
const bubbles = () => within(messages()).getAllByRole('listitem').filter((item) => item.dataset.side);
const connection = () => screen.getByRole('status', { name: 'Connection' });

describe('seeker chat', () => {
  it('connects with the token, replays history once (no duplicates) and renders coach Markdown on the left', async () => {
    startChat();
    const socket = await connected();
    expect(socket.url).toBe(`ws://${window.location.host}/ws/chat/chat-1`);
    expect(socket.protocols).toEqual(['ottobon.bearer', 'token-for-user-seeker']);
    await waitFor(() => expect(connection()).toHaveTextContent('Online'));

    socket.push(replay);
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    expect(bubbles().map((bubble) => [bubble.dataset.side, bubble.textContent])).toEqual([
      ['right', 'You said: Hi coach'],
      ['left', 'AI coach said: AI coachHello! How can I help?'],
    ]);

    socket.push({ type: 'ai_reply', content: 'Try the **STAR** method.', timestamp: '2025-06-01T09:06:00Z' });
    const reply = await within(messages()).findByText('STAR');
    expect(reply.tagName).toBe('STRONG');
    expect(reply.closest('li')).toHaveAttribute('data-side', 'left');
  });

  it('shows earlier messages on request, page by page, before the oldest one shown', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/chat/my-sessions').reply(200, [session]);
    api.onGet('/chat/sessions/chat-1').reply((config) => {
      const before = (config.params as { before?: number } | undefined)?.before;
      if (before === 2) {
        const older = { id: 'm0', role: 'assistant', content: 'Welcome back!', timestamp: '2025-06-01T08:00:00Z', version: 1, author_name: null };
        return [200, { ...conversation, messages: [older], has_earlier: false }];
      }
      return [200, { ...conversation, has_earlier: true }];
    });
    const { user } = renderApp('/chat/chat-1');
    await connected();
    await waitFor(() => expect(bubbles()).toHaveLength(2));

    await user.click(await screen.findByRole('button', { name: 'Show earlier messages' }));

    await waitFor(() => expect(bubbles()).toHaveLength(3));
    expect(bubbles()[0]).toHaveTextContent('Welcome back!');
    expect(screen.queryByRole('button', { name: 'Show earlier messages' })).not.toBeInTheDocument();
  });

  it('sends JSON with a client_id, shows the seeker on the right and the coach (AI or human) on the left', async () => {
    const { user } = startChat();
    const socket = await connected();
    socket.push(replay);

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'How should I prepare for interviews?');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const [frame] = socket.sentMessages();
    expect(frame).toMatchObject({ type: 'message', content: 'How should I prepare for interviews?' });
    expect(frame.client_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(bubbles().at(-1)).toHaveAttribute('data-side', 'right');
    expect(bubbles().at(-1)).toHaveTextContent('How should I prepare for interviews?');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('');

    socket.push({ type: 'ai_reply', id: 'm5', version: 5, content: 'Research the company.' });
    socket.push({ event: 'admin_takeover', note: 'A human coach (Priya) joined the chat.', version: 6, agent_name: 'Priya' });
    socket.push({ type: 'admin_message', id: 'm7', version: 7, content: "Hi, I'm a human coach", author_name: 'Priya' });

    await within(messages()).findByText("Hi, I'm a human coach");
    const sides = bubbles().slice(-3).map((bubble) => bubble.dataset.side);
    expect(sides).toEqual(['right', 'left', 'left']);
    // The human's reply looks and sounds unlike the AI's.
    const [ai, human] = bubbles().slice(-2);
    expect(ai.dataset.speaker).toBe('ai');
    expect(human.dataset.speaker).toBe('human');
    expect(ai.firstElementChild?.className).not.toBe(human.firstElementChild?.className);
    expect(within(ai).getByText('AI coach said:')).toHaveClass('sr-only');
    expect(within(human).getByText('Priya (human coach) said:')).toHaveClass('sr-only');
    expect(human).toHaveTextContent('PriyaHuman');
    expect(within(messages()).getByText('A human coach (Priya) joined the chat.')).toBeInTheDocument();
  });

  it('shows the queued notice and server errors inline', async () => {
    const { user } = startChat();
    const socket = await connected();
    socket.push({ ...replay, session_status: 'active_human' });

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Are you there?{Enter}');
    expect(socket.sentMessages()).toHaveLength(1);
    socket.push({ type: 'queued', message: 'Your message has been forwarded to a human agent' });
    socket.push({ type: 'error', message: "You're sending messages too quickly. Please slow down." });

    expect(await within(messages()).findByText('Your message has been forwarded to a human agent')).toBeInTheDocument();
    expect(within(messages()).getByText("You're sending messages too quickly. Please slow down.")).toBeInTheDocument();
    expect(within(messages()).queryByText('Sending…')).not.toBeInTheDocument();
  });

  it('pings every 30 seconds and ignores the pong', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    startChat();
    const socket = await connected();
    socket.push(replay);
    expect(socket.sent).toEqual([]);

    act(() => vi.advanceTimersByTime(30_000));
    expect(socket.sent).toEqual(['__ping__']);
    socket.pushText('__pong__');
    act(() => vi.advanceTimersByTime(30_000));
    expect(socket.sent).toEqual(['__ping__', '__ping__']);
    expect(bubbles()).toHaveLength(2);
  });

  it('reconnects after an abnormal close, merges the replay and resends the unconfirmed message with the same client_id', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    const { user } = startChat();
    const first = await connected();
    first.push(replay);

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Any tips?{Enter}');
    const [sent] = first.sentMessages();
    first.drop();
    await waitFor(() => expect(connection()).toHaveTextContent('Reconnecting…'));

    // While disconnected the seeker writes again: it waits for the connection.
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hello?{Enter}');
    expect(within(messages()).getByText('Waiting for connection…')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(1_000)); // the first backoff step
    await waitFor(() => expect(MockWebSocket.instances).toHaveLength(2));
    const second = MockWebSocket.latest() as ChatSocket;
    second.open();
    second.push({
      ...replay,
      messages: [...replay.messages, { role: 'assistant', content: 'Missed while away', timestamp: '2025-06-01T09:07:00Z' }],
    });

    await within(messages()).findByText('Missed while away');
    expect(within(messages()).getAllByText('Hello! How can I help?')).toHaveLength(1);
    const resent = second.sentMessages();
    expect(resent.map((frame) => frame.content)).toEqual(['Any tips?', 'Hello?']);
    expect(resent[0].client_id).toBe(sent.client_id);
  });

  it('backs off 1 s, 2 s, 4 s between failed reconnects', async () => {
    startChat();
    await waitFor(() => expect(MockWebSocket.instances).toHaveLength(1));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const [index, delay] of [1_000, 2_000, 4_000].entries()) {
      (MockWebSocket.latest() as ChatSocket).drop();
      act(() => vi.advanceTimersByTime(delay - 1));
      expect(MockWebSocket.instances).toHaveLength(index + 1);
      act(() => vi.advanceTimersByTime(1));
      expect(MockWebSocket.instances).toHaveLength(index + 2);
    }
  });

  it('signs out when the server closes with 4401', async () => {
    const { currentPath } = startChat();
    const socket = await connected();
    socket.closeWith(4401);
    await waitFor(() => expect(currentPath()).toBe('/login'));
    expect(MockWebSocket.instances).toHaveLength(1);
  });

  it('explains 4404 and 4403 closes without reconnecting', async () => {
    startChat();
    const socket = await connected();
    socket.closeWith(4404);
    expect(await screen.findByRole('alert')).toHaveTextContent("This chat doesn't exist.");
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    expect(connection()).toHaveTextContent('Offline');
    expect(MockWebSocket.instances).toHaveLength(1);
  });

  it('limits a message to 4 KB and says how many characters are left near the limit', async () => {
    const { user } = startChat();
    const socket = await connected();
    socket.push(replay);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.click(box);
    expect(screen.queryByText(/characters left/)).not.toBeInTheDocument(); // no counter while a message is short
    await user.paste('x'.repeat(3500));
    expect(screen.getByText(/^About \d+ characters left$/)).toBeInTheDocument();
    await user.paste('x'.repeat(1500));
    expect(screen.getByText(/^Too long: remove about [\d,]+ characters$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('lists the chats and starts a general chat', async () => {
    const { user, currentPath } = startChat('/chat');
    api.onPost('/chat/sessions').reply(201, session);
    const list = await screen.findByRole('navigation', { name: 'Your chats' });
    expect(await within(list).findByRole('link', { name: /General chat/ })).toHaveAttribute('href', '/chat/chat-1');
    await user.click(within(list).getByRole('button', { name: 'New general chat' }));
    await waitFor(() => expect(currentPath()).toBe('/chat/chat-1'));
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({});
  });
});

describe('Talk to the coach on the job page', () => {
  it('starts the chat about the job and opens it', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    api.onPost('/chat/sessions').reply(201, { ...session, id: 'chat-9', job_id: 'job-1', job_title: 'Junior Node.js Backend Developer' });
    api.onGet('/chat/my-sessions').reply(200, []);
    api.onGet('/chat/sessions/chat-9').reply(200, { ...conversation, id: 'chat-9', messages: [] });
    const { user, currentPath } = renderApp('/jobs/job-1');

    await user.click(await screen.findByRole('button', { name: 'Talk to the coach' }));
    await waitFor(() => expect(currentPath()).toBe('/chat/chat-9'));
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({ job_id: 'job-1' });
  });

  it('is not offered to admins', async () => {
    signedInAs(api, buildUser('admin'));
    api.onGet('/jobs/job-1/details').reply(200, buildJobDetails());
    renderApp('/jobs/job-1');
    await screen.findByRole('heading', { level: 1, name: 'Junior Node.js Backend Developer' });
    expect(screen.queryByRole('button', { name: 'Talk to the coach' })).not.toBeInTheDocument();
  });
});

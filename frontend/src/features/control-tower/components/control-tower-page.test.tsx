import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { installMockWebSocket, MockWebSocket } from '@/testing/mock-websocket';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { ChatSessionDetails } from '@/types/api';
import type { AdminChatSession } from '../api/types';

installMockWebSocket();
const api = mockApi();

const session: AdminChatSession = {
  id: 's-1',
  user_id: 'user-seeker',
  seeker_name: 'Sita Seeker',
  seeker_email: 'seeker@example.com',
  job_id: null,
  job_title: null,
  status: 'active_ai',
  last_message: { id: 'm2', role: 'assistant', content: 'Research the company first.', timestamp: '2025-06-01T09:05:00Z', version: 2, author_name: null },
  waiting_messages: 0,
  taken_over_by_name: null,
  updated_at: '2025-06-01T09:05:00Z',
};

const conversation: ChatSessionDetails = {
  id: 's-1',
  user_id: 'user-seeker',
  status: 'active_ai',
  job_id: null,
  job_title: null,
  created_at: '2025-06-01T09:00:00Z',
  messages: [
    { id: 'm1', role: 'user', content: 'How should I prepare for interviews?', timestamp: '2025-06-01T09:04:00Z', version: 1, author_name: null },
    { id: 'm2', role: 'assistant', content: 'Research the company first.', timestamp: '2025-06-01T09:05:00Z', version: 2, author_name: null },
  ],
  has_earlier: false,
  notices: [],
};

const socketAt = (path: string) => {
  const socket = MockWebSocket.instances.find((candidate) => new URL(candidate.url).pathname === path);
  if (!socket) throw new Error(`No socket for ${path}`);
  return socket;
};

function startAsAdmin(url = '/admin/control-tower') {
  signedInAs(api, buildUser('admin'));
  api.onGet('/admin/sessions').reply(200, [session, { ...session, id: 's-2', seeker_name: 'Closed Carl', status: 'closed' }]);
  api.onGet('/admin/sessions/s-1').reply(200, conversation);
  return renderApp(url);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('control tower', () => {
  it('lists the open sessions and follows the live feed', async () => {
    startAsAdmin();
    const list = await screen.findByRole('list', { name: 'Sessions' });
    expect(within(list).getAllByRole('button')).toHaveLength(1); // the closed one is hidden
    expect(list).toHaveTextContent('Sita Seeker');
    expect(list).toHaveTextContent('AI coach');
    expect(list).toHaveTextContent('General chat');

    expect(within(list).queryByText(/waiting for a reply/)).not.toBeInTheDocument();
    await waitFor(() => socketAt('/ws/admin/sessions'));
    const feed = socketAt('/ws/admin/sessions');
    feed.open();
    feed.push({
      type: 'sessions',
      sessions: [{ ...session, waiting_messages: 2, status: 'active_human', last_message: { ...session.last_message!, role: 'user', content: 'Hello?' } }],
    });
    await waitFor(() => expect(within(list).getByText('2 messages waiting for a reply')).toBeInTheDocument());
    expect(list).toHaveTextContent('2 waiting');
    expect(list).toHaveTextContent('Human agent');
    expect(list).toHaveTextContent('Hello?');
  });

  it('watches a session live, takes it over, replies and hands it back', async () => {
    const { user } = startAsAdmin();
    api.onPost('/admin/takeover').reply(200, { message: 'Takeover successful', session_id: 's-1' });
    api.onPost('/admin/sessions/s-1/messages').reply(201, {});
    api.onPost('/admin/sessions/s-1/handback').reply(200, {});

    await user.click(await screen.findByRole('button', { name: /Sita Seeker/ }));
    const panel = await screen.findByRole('region', { name: 'Conversation' });
    const log = within(panel).getByRole('log', { name: 'Messages' });
    await within(log).findByText('How should I prepare for interviews?');

    await waitFor(() => socketAt('/ws/chat/s-1'));
    const watch = socketAt('/ws/chat/s-1');
    expect(watch.url).not.toContain('access_token');
    expect(watch.protocols).toEqual(['ottobon.bearer', 'token-for-user-admin']);
    watch.open();
    watch.push({ type: 'user_message', id: 'm3', version: 3, content: 'Are you a real person?', timestamp: '2025-06-01T09:06:00Z' });
    expect(await within(log).findByText('Are you a real person?')).toBeInTheDocument();

    const replyBox = within(panel).getByRole('textbox', { name: 'Reply as agent' });
    expect(replyBox).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(replyBox).toBeEnabled());
    expect(JSON.parse(api.history.post[0].data as string)).toEqual({ session_id: 's-1' });

    await user.type(replyBox, "Hi, I'm a human coach");
    await user.click(within(panel).getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(api.history.post).toHaveLength(2));
    expect(api.history.post[1].url).toBe('/admin/sessions/s-1/messages');
    expect(JSON.parse(api.history.post[1].data as string)).toEqual({ content: "Hi, I'm a human coach" });
    await waitFor(() => expect(replyBox).toHaveValue(''));

    watch.push({ type: 'admin_message', id: 'm5', version: 5, content: "Hi, I'm a human coach", timestamp: '2025-06-01T09:07:00Z', author_name: 'Priya' });
    // The takeover's notice arrives late but is shown at its place: after the seeker's question, before the reply.
    watch.push({ event: 'admin_takeover', note: 'A human coach (Priya) joined the chat.', version: 4, agent_name: 'Priya' });
    watch.push({ event: 'admin_takeover', note: 'A human coach (Priya) joined the chat.', version: 4, agent_name: 'Priya' });
    const reply = (await within(log).findByText("Hi, I'm a human coach")).closest('li')!;
    expect(reply).toHaveTextContent('Priya');
    expect(reply).toHaveTextContent('Human');
    expect(within(reply).getByText('Priya (human coach) said:')).toHaveClass('sr-only');
    await waitFor(() => expect(within(log).getAllByText('A human coach (Priya) joined the chat.')).toHaveLength(1));
    const order = within(log)
      .getAllByRole('listitem')
      .map((item) => item.dataset.version);
    expect(order).toEqual(['1', '2', '3', '4', '5']);

    await user.click(within(panel).getByRole('button', { name: 'Hand back' }));
    await waitFor(() => expect(replyBox).toBeDisabled());
    expect(api.history.post[2].url).toBe('/admin/sessions/s-1/handback');
    expect(within(panel).getByRole('button', { name: 'Take over' })).toBeInTheDocument();
  });

  it('shows how many of the seeker\'s messages wait for a reply in the watched conversation', async () => {
    signedInAs(api, buildUser('admin'));
    api.onGet('/admin/sessions').reply(200, [{ ...session, status: 'active_human', waiting_messages: 1, taken_over_by_name: 'Arun Admin' }]);
    api.onGet('/admin/sessions/s-1').reply(200, conversation);
    renderApp('/admin/control-tower?session=s-1');

    const panel = await screen.findByRole('region', { name: 'Conversation' });
    expect(await within(panel).findByText('1 message waiting for a reply')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Hand back' })).toBeInTheDocument();
  });

  it('shows earlier messages of a long conversation on request, above the ones shown', async () => {
    signedInAs(api, buildUser('admin'));
    api.onGet('/admin/sessions').reply(200, [session]);
    api.onGet('/admin/sessions/s-1').reply((config) => {
      const before = (config.params as { before?: number } | undefined)?.before;
      if (before === conversation.messages[0].version) {
        const older = { id: 'm0', role: 'assistant', content: 'Welcome, Sita!', timestamp: '2025-06-01T08:00:00Z', version: 0, author_name: null };
        return [200, { ...conversation, messages: [older], has_earlier: false }];
      }
      return [200, { ...conversation, has_earlier: true }];
    });
    const { user } = renderApp('/admin/control-tower?session=s-1');
    const panel = await screen.findByRole('region', { name: 'Conversation' });

    await user.click(await within(panel).findByRole('button', { name: 'Show earlier messages' }));

    const log = within(panel).getByRole('log', { name: 'Messages' });
    await waitFor(() => expect(within(log).getAllByRole('listitem')[0]).toHaveTextContent('Welcome, Sita!'));
    expect(within(panel).queryByRole('button', { name: 'Show earlier messages' })).not.toBeInTheDocument();
  });

  it('shows why a reply was refused', async () => {
    const { user } = startAsAdmin('/admin/control-tower?session=s-1');
    api.onPost('/admin/takeover').reply(409, { detail: 'Another admin has already taken over this chat.' });
    const panel = await screen.findByRole('region', { name: 'Conversation' });
    await user.click(await within(panel).findByRole('button', { name: 'Take over' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Another admin has already taken over this chat.');
  });

  it('keeps a quiet watched conversation alive with a ping every 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    startAsAdmin('/admin/control-tower?session=s-1');
    await waitFor(() => socketAt('/ws/chat/s-1'));
    const watch = socketAt('/ws/chat/s-1');
    const feed = socketAt('/ws/admin/sessions');
    watch.open();
    feed.open();

    act(() => vi.advanceTimersByTime(30_000));
    expect(watch.sent).toEqual(['__ping__']);
    watch.pushText('__pong__');
    act(() => vi.advanceTimersByTime(30_000));
    expect(watch.sent).toEqual(['__ping__', '__ping__']);
    expect(feed.sent).toEqual(['__ping__', '__ping__']);
  });

  it('signs the admin out when the watched conversation refuses the token with 4401', async () => {
    const { currentPath } = startAsAdmin('/admin/control-tower?session=s-1');
    await waitFor(() => socketAt('/ws/chat/s-1'));
    const watch = socketAt('/ws/chat/s-1');
    watch.open();
    watch.closeWith(4401);
    await waitFor(() => expect(currentPath()).toBe('/login'));
    expect(MockWebSocket.instances.filter((socket) => socket.url.includes('/ws/chat/'))).toHaveLength(1);
  });
});

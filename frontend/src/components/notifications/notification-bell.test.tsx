import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNotificationListener, type NotificationItem } from '@/lib/live-notifications';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { MockWebSocket } from '@/testing/mock-websocket';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

beforeEach(() => {
  MockWebSocket.notificationSockets = [];
  vi.stubGlobal('WebSocket', MockWebSocket);
});
afterEach(() => vi.unstubAllGlobals());

const api = mockApi();

const reply: NotificationItem = {
  id: 'n-1',
  kind: 'human_coach_replied',
  title: 'Meera replied in your chat',
  body: 'Here is the answer.',
  link: '/chat/chat-1',
  created_at: '2026-03-02T09:30:00Z',
  read_at: null,
};

function notificationSocket() {
  return MockWebSocket.notificationSockets.at(-1)!;
}

describe('notification bell', () => {
  it('shows the live unread count, lists the newest and marks all read', async () => {
    signedInAs(api, buildUser('seeker'));
    api.onGet('/notifications').reply(200, { items: [reply], next_before: null, unread_count: 1 });
    api.onPost('/notifications/read-all').reply(200, { marked: 1 });
    renderApp('/notifications');

    await waitFor(() => expect(notificationSocket()).toBeDefined());
    act(() => {
      notificationSocket().open();
      notificationSocket().push({ type: 'snapshot', unread_count: 3, notifications: [] });
    });
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });

    await userEvent.click(bell);
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(await within(panel).findByRole('link', { name: /Meera replied in your chat/ })).toHaveAttribute('href', '/chat/chat-1');

    await userEvent.click(within(panel).getByRole('button', { name: 'Mark all read' }));
    await screen.findByRole('button', { name: 'Notifications, 0 unread' });
    expect(api.history.post.some((request) => request.url === '/notifications/read-all')).toBe(true);
  });

  it('closes on Escape and gives focus back to the bell', async () => {
    signedInAs(api, buildUser('provider'));
    api.onGet('/notifications').reply(200, { items: [], next_before: null, unread_count: 0 });
    renderApp('/provider/jobs/new');

    const bell = await screen.findByRole('button', { name: 'Notifications, 0 unread' });
    await userEvent.click(bell);
    await screen.findByRole('dialog', { name: 'Notifications' });
    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('dialog', { name: 'Notifications' })).not.toBeInTheDocument();
    expect(bell).toHaveFocus();
  });

  it('announces a new notification politely and hands it to listeners of its kind', async () => {
    const heard: string[] = [];
    function Listener() {
      useNotificationListener('human_coach_replied', (n) => heard.push(n.id));
      return null;
    }
    signedInAs(api, buildUser('seeker'));
    api.onGet('/notifications').reply(200, { items: [], next_before: null, unread_count: 0 });
    render(<Listener />);
    renderApp('/notifications');

    await waitFor(() => expect(notificationSocket()).toBeDefined());
    act(() => {
      notificationSocket().open();
      notificationSocket().push({ type: 'notification', notification: reply });
      notificationSocket().push({ type: 'unread_count', unread_count: 1 });
    });

    expect(await screen.findByText('New notification: Meera replied in your chat')).toBeInTheDocument();
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(heard).toEqual(['n-1']);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';
import type { ChatRole } from '@/types/api';
import type { ChatHistoryEvent } from '../api/chat-history';

const api = mockApi();

const at = (time: string) => `2025-06-01T09:${time}Z`;
const posted = (version: number, role: ChatRole, content: string, time: string, authorName: string | null = null): ChatHistoryEvent => ({
  version,
  sequence: 10 + version,
  type: 'chat_message_posted',
  timestamp: at(time),
  data: { type: 'chat_message_posted', message_id: `m-${version}`, role, content, author_id: null, posted_at: at(time), in_reply_to: null, author_name: authorName },
});

const events: ChatHistoryEvent[] = [
  {
    version: 1,
    sequence: 11,
    type: 'chat_session_started',
    timestamp: at('00:00'),
    data: { type: 'chat_session_started', session_id: 's-1', seeker_id: 'u', job: null, started_at: at('00:00') },
  },
  posted(2, 'user', 'How should I prepare for interviews?', '01:00'),
  posted(3, 'assistant', 'Research the company.', '01:05'),
  {
    version: 4,
    sequence: 14,
    type: 'chat_taken_over',
    timestamp: at('02:00'),
    data: { type: 'chat_taken_over', admin_id: 'a', admin_name: 'Arun Admin', at: at('02:00') },
  },
  posted(5, 'admin', "Hi, I'm a human coach", '02:30', 'Arun Admin'),
  // A new kind of event the API does not describe yet: listed by its name, no effect on the conversation.
  { version: 6, sequence: 16, type: 'chat_rated', timestamp: at('03:00'), data: null },
];

function start(url: string) {
  signedInAs(api, buildUser('admin'));
  api.onGet('/admin/jobs/stats').reply(200, { total_jobs: 0, by_status: { processing: 0, active: 0, archived: 0 }, enrichment_failed: 0, ai_calls_made: 0, ai_calls_saved: 0 });
  api.onGet('/admin/jobs').reply(200, { items: [], total: 0, skip: 0, limit: 10 });
  api.onGet('/admin/sessions').reply(200, [
    { id: 's-1', user_id: 'u', seeker_name: 'Sita Seeker', seeker_email: 'seeker@example.com', job_id: null, job_title: null, status: 'active_human', last_message: null, waiting_messages: 0, taken_over_by_name: 'Arun Admin', updated_at: '2025-06-01T09:02:30Z' },
  ]);
  api.onGet('/admin/sessions/s-1/history').reply(200, events);
  return renderApp(url);
}

describe('history: chats', () => {
  it('picks a chat from the Chats tab and steps through its events', async () => {
    const { user, router } = start('/admin/history');
    await user.click(await screen.findByRole('tab', { name: 'Chats' }));
    await user.click(await screen.findByRole('button', { name: /Sita Seeker/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?view=chats&chat=s-1'));

    const timeline = await screen.findByRole('list', { name: 'Chat events' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(6);
    expect(within(timeline).getAllByRole('listitem')[5]).toHaveTextContent('chat rated');
    const stepper = screen.getByRole('region', { name: 'Conversation at event' });
    expect(stepper).toHaveTextContent('Event 6 of 6');
    const conversation = within(stepper).getByRole('list', { name: 'Conversation' });
    expect(conversation).toHaveTextContent('A human coach (Arun Admin) joined the chat.');
    // The agent's message is shown as a human's, and heard as one.
    const agentLine = within(conversation).getByText("Hi, I'm a human coach").closest('li')!;
    expect(agentLine).toHaveTextContent('Arun Admin');
    expect(agentLine).toHaveTextContent('Human');
    expect(within(agentLine).getByText('Arun Admin (human coach) said:')).toHaveClass('sr-only');
    expect(conversation).toHaveTextContent("Hi, I'm a human coach");

    await user.click(within(stepper).getByRole('button', { name: 'Previous event' }));
    await user.click(within(stepper).getByRole('button', { name: 'Previous event' }));
    await user.click(within(stepper).getByRole('button', { name: 'Previous event' }));
    expect(stepper).toHaveTextContent('Event 3 of 6');
    expect(conversation).toHaveTextContent('Research the company.');
    expect(conversation).not.toHaveTextContent('joined the chat');
    expect(within(timeline).getAllByRole('listitem')[2]).toHaveAttribute('aria-current', 'step');

    await user.click(within(timeline).getAllByRole('button')[0]);
    expect(stepper).toHaveTextContent('Event 1 of 6');
    expect(conversation).toHaveTextContent('No messages yet at this point.');
  });

  it('opens a pasted session id', async () => {
    const { user } = start('/admin/history?view=chats');
    await user.type(await screen.findByLabelText('Session ID'), 's-1');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('list', { name: 'Chat events' })).toBeInTheDocument();
  });
});

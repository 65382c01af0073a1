import { describe, expect, it } from 'vitest';
import { e2eEnv, pageHeading, pathOf, sharedBrowser, signUp, uniqueEmail } from './support/browser';

// The coach may be a local model: its first answer can take a while.
const coachReplyTimeoutMs = 90_000;

const { freshPage } = sharedBrowser();

describe('coaching chat with a human takeover', () => {
  it.skipIf(!e2eEnv.adminEmail || !e2eEnv.adminPassword)(
    'a seeker chats with the coach, an admin takes over from the Control Tower and replies',
    async () => {
      const seekerName = `E2E Chatter ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

      // --- The seeker starts a general chat and asks a question.
      const seeker = await freshPage();
      await signUp(seeker, { fullName: seekerName, email: uniqueEmail('chat-seeker'), role: 'Job seeker' });
      await seeker.waitForURL('**/jobs');
      await seeker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat', exact: true }).click();
      await pageHeading(seeker, 'Chat').waitFor();

      await seeker.getByRole('button', { name: 'New general chat' }).click();
      await seeker.waitForURL(/\/chat\/[^/]+$/);
      const sessionId = pathOf(seeker).split('/').at(-1);
      expect(sessionId).toBeTruthy();
      const conversation = seeker.getByRole('region', { name: 'Conversation' });
      await conversation.getByRole('status', { name: 'Connection' }).getByText('Online').waitFor();

      await conversation.getByRole('textbox', { name: 'Message' }).fill('How should I prepare for interviews?');
      await conversation.getByRole('button', { name: 'Send' }).click();
      const messages = conversation.getByRole('log', { name: 'Messages' });
      await messages.getByText('How should I prepare for interviews?').waitFor();
      // A coach bubble (left) with some text.
      await messages.getByText('Coach:', { exact: true }).first().waitFor({ timeout: coachReplyTimeoutMs });

      // --- The admin, in a second browser context, takes the chat over and replies.
      const admin = await freshPage();
      await admin.goto('/login');
      await admin.getByLabel('Email').fill(e2eEnv.adminEmail);
      await admin.getByLabel('Password').fill(e2eEnv.adminPassword);
      await admin.getByRole('button', { name: 'Sign in' }).click();
      await admin.waitForURL('**/admin/control-tower');
      await pageHeading(admin, 'Control Tower').waitFor();

      await admin.getByRole('list', { name: 'Sessions' }).getByRole('button', { name: new RegExp(seekerName) }).click();
      expect(new URL(admin.url()).searchParams.get('session')).toBe(sessionId);
      const panel = admin.getByRole('region', { name: 'Conversation' });
      await panel.getByRole('log', { name: 'Messages' }).getByText('How should I prepare for interviews?').waitFor();

      await panel.getByRole('button', { name: 'Take over' }).click();
      const reply = panel.getByRole('textbox', { name: 'Reply as agent' });
      await expect.poll(() => reply.isEnabled(), { timeout: 15_000 }).toBe(true);
      await reply.fill("Hi, I'm a human coach");
      await panel.getByRole('button', { name: 'Send reply' }).click();
      await panel.getByRole('log', { name: 'Messages' }).getByText("Hi, I'm a human coach").waitFor();

      // --- The seeker sees the takeover notice and the human's reply, live.
      await messages.getByText('A human agent has joined the chat.').waitFor();
      await messages.getByText("Hi, I'm a human coach").waitFor();
    },
  );
});

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
      await messages.getByText('AI coach said:', { exact: true }).first().waitFor({ timeout: coachReplyTimeoutMs });

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
      await messages.getByText(/^A human coach( \(.+\))? joined the chat\.$/).waitFor();
      await messages.getByText("Hi, I'm a human coach").waitFor();
    },
  );

  it.skipIf(!e2eEnv.adminEmail || !e2eEnv.adminPassword)('an admin takeover shown in order on both sides', async () => {
    const seekerName = `E2E Ordered ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const seeker = await freshPage();
    await signUp(seeker, { fullName: seekerName, email: uniqueEmail('chat-order'), role: 'Job seeker' });
    await seeker.waitForURL('**/jobs');
    await seeker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat', exact: true }).click();
    await seeker.getByRole('button', { name: 'New general chat' }).click();
    await seeker.waitForURL(/\/chat\/[^/]+$/);
    const conversation = seeker.getByRole('region', { name: 'Conversation' });
    const messages = conversation.getByRole('log', { name: 'Messages' });
    await messages.getByText('AI coach said:', { exact: true }).first().waitFor({ timeout: coachReplyTimeoutMs }); // the greeting

    const admin = await freshPage();
    await admin.goto('/login');
    await admin.getByLabel('Email').fill(e2eEnv.adminEmail);
    await admin.getByLabel('Password').fill(e2eEnv.adminPassword);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL('**/admin/control-tower');
    await admin.getByRole('list', { name: 'Sessions' }).getByRole('button', { name: new RegExp(seekerName) }).click();
    const panel = admin.getByRole('region', { name: 'Conversation' });
    const watched = panel.getByRole('log', { name: 'Messages' });
    await panel.getByRole('button', { name: 'Take over' }).click();
    const reply = panel.getByRole('textbox', { name: 'Reply as agent' });
    await expect.poll(() => reply.isEnabled(), { timeout: 15_000 }).toBe(true);
    await reply.fill('A person answers now.');
    await panel.getByRole('button', { name: 'Send reply' }).click();
    await watched.getByText('A person answers now.').waitFor();
    await panel.getByRole('button', { name: 'Hand back' }).click();
    await watched.getByText('The AI coach is back.').waitFor();

    // The seeker: greeting, the takeover notice, the human's reply (a human bubble), the hand-back notice, in that order.
    await messages.getByText('The AI coach is back.').waitFor();
    const order = async (log: typeof messages) => {
      const texts = await log.getByRole('listitem').allTextContents();
      const at = (pattern: RegExp) => texts.findIndex((text) => pattern.test(text));
      return [at(/Hi .*career coach/), at(/A human coach.*joined the chat/), at(/A person answers now/), at(/The AI coach is back/)];
    };
    const inOrder = (indexes: number[]) => indexes.every((index, i) => index >= 0 && (i === 0 || index > indexes[i - 1]));
    expect(inOrder(await order(messages)), `seeker: ${await messages.getByRole('listitem').allTextContents()}`).toBe(true);
    const human = messages.locator('li[data-speaker="human"]').filter({ hasText: 'A person answers now.' });
    await human.getByText('Human', { exact: true }).waitFor();
    await human.getByText(/\(human coach\) said:|Ottobon coach \(human\) said:/).waitFor({ state: 'attached' });
    expect(inOrder(await order(watched)), `tower: ${await watched.getByRole('listitem').allTextContents()}`).toBe(true);

    // After a reload, both sides read the same order.
    await seeker.reload();
    await seeker.getByRole('log', { name: 'Messages' }).getByText('The AI coach is back.').waitFor();
    expect(inOrder(await order(seeker.getByRole('log', { name: 'Messages' })))).toBe(true);
    await admin.reload();
    await admin.getByRole('log', { name: 'Messages' }).getByText('The AI coach is back.').waitFor();
    expect(inOrder(await order(admin.getByRole('log', { name: 'Messages' })))).toBe(true);
  });
});

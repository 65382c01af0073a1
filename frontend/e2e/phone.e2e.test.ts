import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnv, pageHeading, pathOf, sharedBrowser, signIn, signUp, uniqueEmail } from './support/browser';

const { freshPage } = sharedBrowser();

const phone = { width: 390, height: 844 };

/** How far the page reaches sideways; on a phone it must not pass the screen's width. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('on a 390 px phone', () => {
  it.skipIf(!e2eEnv.adminEmail || !e2eEnv.adminPassword)(
    'the seeker pages and the Control Tower and History with a conversation open never scroll sideways',
    async () => {
      const seekerName = `E2E Phone ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const seeker = await freshPage();
      await seeker.setViewportSize(phone);
      await signUp(seeker, { fullName: seekerName, email: uniqueEmail('phone-seeker'), role: 'Job seeker' });
      await seeker.waitForURL('**/jobs');
      await pageHeading(seeker, 'Jobs').waitFor();
      expect(await pageWidth(seeker), '/jobs').toBeLessThanOrEqual(phone.width);

      await seeker.goto('/chat');
      await pageHeading(seeker, 'Chat').waitFor();
      await seeker.getByRole('button', { name: 'New general chat' }).click();
      await seeker.waitForURL(/\/chat\/[^/]+$/);
      const sessionId = pathOf(seeker).split('/').at(-1)!;
      const conversation = seeker.getByRole('region', { name: 'Conversation' });
      await conversation.getByRole('status', { name: 'Connection' }).getByText('Online').waitFor();
      const question = 'How should I prepare for an audit associate interview at a Big-4 firm in Bengaluru next month?';
      await conversation.getByRole('textbox', { name: 'Message' }).fill(question);
      await conversation.getByRole('button', { name: 'Send' }).click();
      const mine = conversation.getByRole('log', { name: 'Messages' }).getByText(question);
      await mine.waitFor();
      expect(await pageWidth(seeker), '/chat/:id').toBeLessThanOrEqual(phone.width);
      // The seeker's own message is on the screen, not beyond its right edge.
      const box = (await mine.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);

      const admin = await freshPage();
      await admin.setViewportSize(phone);
      await signIn(admin, e2eEnv.adminEmail, e2eEnv.adminPassword);
      await admin.waitForURL('**/admin/control-tower');
      await admin.getByRole('list', { name: 'Sessions' }).getByRole('button', { name: new RegExp(seekerName) }).click();
      await admin.getByRole('region', { name: 'Conversation' }).getByRole('log', { name: 'Messages' }).getByText(question).waitFor();
      expect(await pageWidth(admin), '/admin/control-tower with a session').toBeLessThanOrEqual(phone.width);

      await admin.goto(`/admin/history?view=chats&chat=${encodeURIComponent(sessionId)}`);
      await admin.getByText(question).first().waitFor();
      expect(await pageWidth(admin), '/admin/history of a chat').toBeLessThanOrEqual(phone.width);

      await admin.goto('/admin/ingestion');
      await pageHeading(admin, 'Ingestion').waitFor();
      await admin.getByRole('article', { name: 'Deloitte' }).waitFor();
      expect(await pageWidth(admin), '/admin/ingestion').toBeLessThanOrEqual(phone.width);
    },
  );
});

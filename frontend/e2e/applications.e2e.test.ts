import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageHeading, sharedBrowser, signUp, uniqueEmail } from './support/browser';

// Needs the tracker API (GET/PUT/POST /api/jobs/{id}/application…, /api/applications…) and at least two active jobs
// in the feed (sync a source first, as for the other browser tests).
const { freshPage } = sharedBrowser();

function column(page: Page, stage: string): Locator {
  return page.getByRole('main').getByRole('region', { name: new RegExp(`^${stage}`) });
}

async function recordApplied(page: Page, scope: Locator, title: string): Promise<void> {
  await scope.getByRole('button', { name: `I applied to ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: `You applied to ${title}` });
  await dialog.getByLabel('Note (optional)').fill('Sent through the careers page.');
  await dialog.getByRole('button', { name: 'Record application' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the application tracker', () => {
  it(
    'a seeker saves a job, records I applied, moves applications to interviewing with the keyboard and by dragging, and still sees them after a reload',
    async () => {
      const page = await freshPage();
      await signUp(page, { fullName: 'E2E Tracker', email: uniqueEmail('tracker'), role: 'Job seeker' });
      await page.waitForURL('**/jobs');
      await pageHeading(page, 'Jobs').waitFor();

      // --- Two jobs from the feed: the first saved on its card, the second applied to from its card.
      const cards = page.getByRole('main').getByRole('article');
      await cards.nth(1).waitFor();
      const [first, second] = [cards.nth(0), cards.nth(1)];
      const firstTitle = (await first.getByRole('heading').innerText()).trim();
      const secondTitle = (await second.getByRole('heading').innerText()).trim();
      await first.getByRole('button', { name: `Save ${firstTitle}` }).click();
      await first.getByRole('button', { name: `Saved ✓ ${firstTitle}` }).waitFor();
      await recordApplied(page, second, secondTitle);
      await second.getByText(/Applied on/).waitFor();

      // --- On the first job's page it shows saved; "I applied" there records the application.
      await first.getByRole('link', { name: firstTitle }).click();
      await pageHeading(page, firstTitle).waitFor();
      const actions = page.getByRole('group', { name: 'Job actions' });
      await actions.getByRole('button', { name: `Saved ✓ ${firstTitle}` }).waitFor();
      await recordApplied(page, actions, firstTitle);
      await actions.getByText(/Applied on/).waitFor();

      // --- The board: both in Applied.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My applications' }).click();
      await pageHeading(page, 'My applications').waitFor();
      const firstCard = (stage: string) => column(page, stage).getByRole('article', { name: new RegExp(`^${escape(firstTitle)} at`) });
      const secondCard = (stage: string) => column(page, stage).getByRole('article', { name: new RegExp(`^${escape(secondTitle)} at`) });
      await firstCard('Applied').waitFor();
      await secondCard('Applied').waitFor();

      // Keyboard and screen readers: the card's "Move to…" select.
      const select = firstCard('Applied').getByRole('combobox', { name: `Move ${firstTitle} to` });
      await select.focus();
      await select.selectOption('interviewing');
      await firstCard('Interviewing').waitFor();
      await page.getByText(`Moved ${firstTitle} to Interviewing.`).waitFor();

      // The mouse: drag the second card onto the Interviewing column.
      await secondCard('Applied').dragTo(column(page, 'Interviewing'));
      await secondCard('Interviewing').waitFor();
      await page.getByText(`Moved ${secondTitle} to Interviewing.`).waitFor();

      // --- The server kept both moves.
      await page.reload();
      await pageHeading(page, 'My applications').waitFor();
      await firstCard('Interviewing').waitFor();
      await secondCard('Interviewing').waitFor();
      await expect(column(page, 'Applied').getByRole('article').count()).resolves.toBe(0);

      // --- The application's page shows the history of the move.
      await firstCard('Interviewing').getByRole('link', { name: firstTitle }).click();
      await pageHeading(page, firstTitle).waitFor();
      const timeline = page.getByRole('list', { name: 'Timeline, oldest first' });
      await timeline.getByText('Saved the job').waitFor();
      await timeline.getByText('Applied', { exact: true }).waitFor();
    },
    180_000,
  );
});

/** A job title as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

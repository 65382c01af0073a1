import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnv, pageHeading, sharedBrowser, signIn, signUp, uniqueEmail } from './support/browser';

// The run itself takes seconds in sample mode; each new job is then enriched by the local AI before it goes live.
const runTimeoutMs = 90_000;
const feedTimeoutMs = 90_000;

const { freshPage } = sharedBrowser();

/** A count on a source card, e.g. "New". */
async function countOn(card: Locator, label: string): Promise<number> {
  const value = await card.locator('dl > div').filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText();
  return Number(value.replace(/[^\d]/g, ''));
}

describe('ingestion', () => {
  it.skipIf(!e2eEnv.adminEmail || !e2eEnv.adminPassword)(
    'an admin syncs a source, follows the run live to its end, and a seeker then finds that company in the feed',
    async () => {
      // --- The admin opens Ingestion.
      const admin = await freshPage();
      await signIn(admin, e2eEnv.adminEmail, e2eEnv.adminPassword);
      await admin.waitForURL('**/admin/control-tower');
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ingestion' }).click();
      await admin.waitForURL('**/admin/ingestion');
      await pageHeading(admin, 'Ingestion').waitFor();

      const sources = admin.getByRole('region', { name: 'Sources' });
      await sources.getByRole('article').first().waitFor();
      // Prefer a source this database has never synced (Deloitte first): only a first run brings new jobs,
      // since a run that meets jobs it already knows counts them as duplicates.
      const companies = await sources.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
      expect(companies.length).toBeGreaterThan(0);
      const ordered = [...companies].sort((a, b) => Number(b === 'Deloitte') - Number(a === 'Deloitte'));
      let company = ordered[0];
      for (const name of ordered) {
        const card = sources.getByRole('article', { name, exact: true });
        if ((await card.getByText('Never synced', { exact: true }).count()) > 0) {
          company = name;
          break;
        }
      }
      const card = sources.getByRole('article', { name: company, exact: true });
      const firstRun = (await card.getByText('Never synced', { exact: true }).count()) > 0;

      // --- Sync: the button is off while the run goes, and the live feed brings it to its end.
      const sync = card.getByRole('button', { name: `Sync ${company}`, exact: true });
      // A run started elsewhere (e.g. the nightly one) must finish first.
      await card.getByRole('button', { name: `Sync ${company}`, exact: true, disabled: false }).waitFor({ timeout: runTimeoutMs });
      await sync.click();
      const started = card.getByRole('status').filter({ hasText: `Sync started for ${company}.` });
      await started.waitFor();
      const runId = (await started.locator('code').innerText()).trim();
      expect(runId).toMatch(/^[0-9a-f-]{36}$/i);

      await card.getByRole('button', { name: `Sync ${company}`, exact: true, disabled: false }).waitFor({ timeout: runTimeoutMs });
      const status = await card.getByText(/^(Completed|Partial|Failed)$/).first().innerText();
      expect(['Completed', 'Partial']).toContain(status);
      const fetched = await countOn(card, 'Fetched');
      const fresh = await countOn(card, 'New');
      const duplicates = await countOn(card, 'Duplicates');
      expect(fetched).toBeGreaterThan(0);
      if (firstRun) {
        expect(fresh).toBeGreaterThan(0);
      } else {
        // This database already holds the company's jobs: this run finds them again.
        console.info(`ingestion e2e: ${company} was synced before; this run found ${fresh} new and ${duplicates} known jobs`);
        expect(fresh + duplicates).toBe(fetched);
      }

      // The run is in the history as started by an admin.
      const runRow = admin.getByRole('table', { name: 'Recent runs' }).getByRole('row').filter({ hasText: company }).first();
      await expect(runRow.innerText()).resolves.toContain('Admin');

      // --- A new seeker sees the company's jobs in the feed once the first of them is enriched.
      const seeker = await freshPage();
      await signUp(seeker, { fullName: 'E2E Seeker', email: uniqueEmail('seeker'), role: 'Job seeker' });
      await seeker.waitForURL('**/jobs');
      await pageHeading(seeker, 'Jobs').waitFor();

      const results = seeker.getByRole('region', { name: 'Job results' });
      const companyCards = results.getByRole('article').filter({ has: seeker.getByText(company, { exact: true }) });
      await expect
        .poll(
          async () => {
            await seeker.goto(`/jobs?company=${encodeURIComponent(company)}`);
            await seeker.locator('section[aria-label="Job results"][aria-busy="false"]').waitFor();
            return companyCards.count();
          },
          { timeout: feedTimeoutMs, interval: 3000 },
        )
        .toBeGreaterThan(0);
      const firstCard = companyCards.first();
      const jobTitle = (await firstCard.getByRole('heading').innerText()).trim();
      await firstCard.getByRole('link', { name: jobTitle, exact: true }).click();
      await pageHeading(seeker, jobTitle).waitFor();
      await expect(seeker.getByText(company, { exact: true }).first().isVisible()).resolves.toBe(true);
    },
    runTimeoutMs * 2 + feedTimeoutMs + 60_000,
  );
});

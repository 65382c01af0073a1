import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Account, tourPages, viewports } from '../scripts/page-tour.mjs';
import { e2eEnv, sharedBrowser, uniqueEmail } from './support/browser';

const { freshPage } = sharedBrowser();
// Evaluated through the browser's debugging protocol: the app's Content-Security-Policy forbids injected script tags.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

type AxeResults = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };

/** A fresh account of the role, through the API (the sign-up form has its own tests). */
async function signedUp(role: 'seeker' | 'provider'): Promise<Account> {
  const account = { email: uniqueEmail(`a11y-${role}`), password: 'e2e-password-123' };
  const response = await fetch(new URL('/api/auth/signup', e2eEnv.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...account, full_name: `A11y ${role}`, role }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return account;
}

/** Serious and critical axe violations on the page as it is now, one line each with the rule and the nodes. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(
    () => (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe.run(document),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('every page', () => {
  it.skipIf(!e2eEnv.adminEmail || !e2eEnv.adminPassword)(
    'has no serious or critical axe violations at 1366 and 390 px, never scrolls sideways on a phone, and logs no errors',
    async () => {
      const problems: string[] = [];
      const pages: string[] = [];
      const newPage = async () => {
        const page = await freshPage();
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console error on ${new URL(page.url()).pathname}: ${message.text()}`);
        });
        await page.setViewportSize(viewports.desktop);
        return page;
      };
      const accounts = {
        seeker: await signedUp('seeker'),
        provider: await signedUp('provider'),
        admin: { email: e2eEnv.adminEmail, password: e2eEnv.adminPassword },
      };

      await tourPages(newPage, accounts, async (name, page) => {
        pages.push(name);
        for (const problem of await axeProblems(page)) problems.push(`${name} at 1366 px: ${problem}`);
        await page.setViewportSize(viewports.phone);
        await page.waitForTimeout(200);
        for (const problem of await axeProblems(page)) problems.push(`${name} at 390 px: ${problem}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > viewports.phone.width) problems.push(`${name} at 390 px is ${width} px wide`);
        await page.setViewportSize(viewports.desktop);
      });

      expect(pages).toHaveLength(20);
      expect(problems).toEqual([]);
    },
    300_000,
  );
});

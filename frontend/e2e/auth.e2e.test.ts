import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { e2eEnv, launchBrowser, mainNavigationLinks, openFreshPage, pathOf, uniqueEmail } from './support/browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ context, page } = await openFreshPage(browser));
});
afterEach(async () => {
  await context?.close();
});

const pageHeading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function signUp(account: { fullName: string; email: string; role: 'Job seeker' | 'Job provider' }) {
  await page.goto('/register');
  await page.getByLabel('Full name').fill(account.fullName);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('radio', { name: account.role, exact: true }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
}

describe('signing up and signing in', () => {
  it('sends a visitor who is not signed in to the sign-in page', async () => {
    await page.goto('/profile');

    await pageHeading('Sign in').waitFor();
    expect(pathOf(page)).toBe('/login');
  });

  it('signs up a seeker who stays signed in after a reload and is turned away from admin pages', async () => {
    await signUp({ fullName: 'E2E Seeker', email: uniqueEmail('seeker'), role: 'Job seeker' });

    await page.waitForURL('**/jobs');
    await pageHeading('Jobs').waitFor();

    await page.reload();
    await pageHeading('Jobs').waitFor();
    expect(pathOf(page)).toBe('/jobs');
    expect(await mainNavigationLinks(page)).toEqual(['Jobs', 'Profile', 'Chat']);
    await expect(page.getByRole('link', { name: 'Control Tower' }).count()).resolves.toBe(0);

    await page.goto('/admin/control-tower');
    await pageHeading('Not allowed').waitFor();
    await expect(pageHeading('Control Tower').count()).resolves.toBe(0);
    expect(await mainNavigationLinks(page)).toEqual(['Jobs', 'Profile', 'Chat']);
  });

  it('signs up a provider who sees the provider navigation', async () => {
    await signUp({ fullName: 'E2E Provider', email: uniqueEmail('provider'), role: 'Job provider' });

    await page.waitForURL('**/provider/jobs/new');
    await pageHeading('Post a job').waitFor();
    expect(await mainNavigationLinks(page)).toEqual(['Post a job', 'My listings']);
  });

  it.skipIf(!e2eEnv.adminEmail || !e2eEnv.adminPassword)(
    'signs in the admin, who sees the admin navigation',
    async () => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(e2eEnv.adminEmail);
      await page.getByLabel('Password').fill(e2eEnv.adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.waitForURL('**/admin/control-tower');
      await pageHeading('Control Tower').waitFor();
      expect(await mainNavigationLinks(page)).toEqual(['Control Tower', 'Ingestion', 'History']);
    },
  );
});

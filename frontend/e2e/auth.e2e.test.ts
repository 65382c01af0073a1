import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { e2eEnv, mainNavigationLinks, pageHeading, pathOf, sharedBrowser, signIn, signUp, uniqueEmail } from './support/browser';

const { freshPage } = sharedBrowser();
let page: Page;

beforeEach(async () => {
  page = await freshPage();
});

describe('signing up and signing in', () => {
  it('sends a visitor who is not signed in to the sign-in page', async () => {
    await page.goto('/profile');

    await pageHeading(page, 'Sign in').waitFor();
    expect(pathOf(page)).toBe('/login');
  });

  it('signs up a seeker who stays signed in after a reload and is turned away from admin pages', async () => {
    await signUp(page, { fullName: 'E2E Seeker', email: uniqueEmail('seeker'), role: 'Job seeker' });

    await page.waitForURL('**/jobs');
    await pageHeading(page, 'Jobs').waitFor();

    await page.reload();
    await pageHeading(page, 'Jobs').waitFor();
    expect(pathOf(page)).toBe('/jobs');
    expect(await mainNavigationLinks(page)).toEqual(['Jobs', 'Saved searches', 'My applications', 'Profile', 'Chat']);
    await expect(page.getByRole('link', { name: 'Control Tower' }).count()).resolves.toBe(0);

    await page.goto('/admin/control-tower');
    await pageHeading(page, 'Not allowed').waitFor();
    await expect(pageHeading(page, 'Control Tower').count()).resolves.toBe(0);
    expect(await mainNavigationLinks(page)).toEqual(['Jobs', 'Saved searches', 'My applications', 'Profile', 'Chat']);
  });

  it('signs up a provider who sees the provider navigation', async () => {
    await signUp(page, { fullName: 'E2E Provider', email: uniqueEmail('provider'), role: 'Job provider' });

    await page.waitForURL('**/provider/jobs/new');
    await pageHeading(page, 'Post a job').waitFor();
    expect(await mainNavigationLinks(page)).toEqual(['Post a job', 'My listings']);
  });

  it.skipIf(!e2eEnv.adminEmail || !e2eEnv.adminPassword)(
    'signs in the admin, who sees the admin navigation',
    async () => {
      await signIn(page, e2eEnv.adminEmail, e2eEnv.adminPassword);

      await page.waitForURL('**/admin/control-tower');
      await pageHeading(page, 'Control Tower').waitFor();
      expect(await mainNavigationLinks(page)).toEqual(['Control Tower', 'Ingestion', 'History']);
    },
  );
});

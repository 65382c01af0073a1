import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageHeading, pathOf, sharedBrowser, signIn, signUp, uniqueEmail } from './support/browser';
import { linkInEmail, mailInbox } from './support/inbox';

const { freshPage } = sharedBrowser();
let page: Page;

beforeEach(async () => {
  page = await freshPage();
});

const verifyBanner = (p: Page) => p.getByRole('heading', { name: 'Verify your email address', level: 2 });

describe('email through the development mail server', () => {
  it.skipIf(!mailInbox)(
    'a new seeker verifies their address from the emailed link, then resets a forgotten password and signs in with the new one only',
    async () => {
      const email = uniqueEmail('reset');
      const oldPassword = 'e2e-password-123';
      const newPassword = 'e2e-new-password-456';

      await signUp(page, { fullName: 'E2E Forgetful Seeker', email, role: 'Job seeker', password: oldPassword });
      await page.waitForURL('**/jobs');
      await verifyBanner(page).waitFor();

      // The verification link from the inbox, opened in the same browser.
      await page.goto(await linkInEmail(email, 'Verify your email address', '/verify-email'));
      await page.getByRole('status').filter({ hasText: 'Your email address is verified.' }).waitFor();
      const profileLoaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/users/me' && r.ok());
      await page.getByRole('link', { name: 'Continue to Ottobon Jobs' }).click();
      await pageHeading(page, 'Jobs').waitFor();
      // The banner shows only for an unverified address, so a profile saying "verified" means it has gone for good.
      expect(((await (await profileLoaded).json()) as { email_status: string }).email_status).toBe('verified');
      await expect(verifyBanner(page).count()).resolves.toBe(0);

      await page.getByRole('button', { name: 'Log out' }).click();
      await pageHeading(page, 'Sign in').waitFor();
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await pageHeading(page, 'Forgot your password?').waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Email me a reset link' }).click();
      await page.getByRole('status').waitFor();

      await page.goto(await linkInEmail(email, 'Reset your Ottobon Jobs password', '/reset-password'));
      await pageHeading(page, 'Choose a new password').waitFor();
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Repeat the new password', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();
      await page.getByRole('link', { name: 'Sign in' }).first().click();
      await pageHeading(page, 'Sign in').waitFor();

      await signIn(page, email, newPassword);
      await page.waitForURL('**/jobs');
      await pageHeading(page, 'Jobs').waitFor();

      await page.getByRole('button', { name: 'Log out' }).click();
      await pageHeading(page, 'Sign in').waitFor();
      await signIn(page, email, oldPassword);
      await page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' }).waitFor();
      expect(pathOf(page)).toBe('/login');
    },
  );
});

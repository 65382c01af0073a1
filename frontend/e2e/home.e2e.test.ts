import { describe, expect, it } from 'vitest';
import { pageHeading, pathOf, sharedBrowser } from './support/browser';

const { freshPage } = sharedBrowser();

describe('the home page as a visitor', () => {
  it('shows the newest jobs, opens a job page without an account and reaches sign-up', async () => {
    const page = await freshPage();
    await page.goto('/');
    await pageHeading(page, /Your first job/).waitFor();

    const newest = page.getByRole('region', { name: 'Newest jobs' });
    const firstJob = newest.getByRole('article').first().getByRole('link');
    await firstJob.waitFor();
    const title = (await firstJob.innerText()).trim();
    await firstJob.click();
    await pageHeading(page, title).waitFor();
    expect(pathOf(page)).toMatch(/^\/jobs\/[^/]+$/);

    await page.getByRole('link', { name: 'Sign up to check your fit' }).click();
    await pageHeading(page, 'Create your account').waitFor();
    expect(pathOf(page)).toBe('/register');
    expect(await page.getByRole('radio', { name: 'Job seeker', exact: true }).isChecked()).toBe(true);

    await page.goto('/');
    await page.getByRole('link', { name: 'Sign up as a provider' }).click();
    await pageHeading(page, 'Create your account').waitFor();
    expect(await page.getByRole('radio', { name: 'Job provider', exact: true }).isChecked()).toBe(true);
  });
});

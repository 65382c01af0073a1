import { describe, expect, it } from 'vitest';
import { pageHeading, sharedBrowser, signUp, uniqueEmail } from './support/browser';

const { freshPage } = sharedBrowser();

describe('browsing the feed', () => {
  it('a filtered and sorted search round-trips through the URL', async () => {
    const page = await freshPage();
    await signUp(page, { fullName: 'E2E Browser', email: uniqueEmail('browse'), role: 'Job seeker' });
    await page.waitForURL('**/jobs');
    await pageHeading(page, 'Jobs').waitFor();

    const feedAnswered = (part: string) =>
      page.waitForResponse((response) => response.url().includes('/api/jobs/feed') && response.url().includes(part));
    let answered = feedAnswered('job_type=full_time');
    await page.getByRole('combobox', { name: 'Job type' }).selectOption('full_time');
    expect((await answered).status()).toBe(200);
    answered = feedAnswered('sort=salary');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('salary');
    expect((await answered).status()).toBe(200);
    expect(new URL(page.url()).search).toBe('?job_type=full_time&sort=salary');
    await page.getByRole('list', { name: 'Active filters' }).getByRole('button', { name: 'Remove filter: Full time' }).waitFor();

    // A reload (or a shared link) keeps the filter, the sort and the results they ask for.
    answered = feedAnswered('sort=salary');
    await page.reload();
    expect((await answered).status()).toBe(200);
    await expect(page.getByRole('combobox', { name: 'Job type' }).inputValue()).resolves.toBe('full_time');
    await expect(page.getByRole('combobox', { name: 'Sort by' }).inputValue()).resolves.toBe('salary');
    await page.getByRole('region', { name: 'Job results' }).waitFor();

    // Back undoes the last choice.
    await page.goBack();
    await page.waitForURL((url) => url.search === '?job_type=full_time');
    await expect(page.getByRole('combobox', { name: 'Sort by' }).inputValue()).resolves.toBe('');

    // A bad value in a shared link is refused by the API with a detail, and the page says so.
    await page.goto('/jobs?job_type=gig');
    await page.getByRole('alert').filter({ hasText: 'job_type' }).waitFor();
  });
});

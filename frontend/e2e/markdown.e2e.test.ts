import { describe, expect, it } from 'vitest';
import { pageHeading, sharedBrowser, signUp, uniqueEmail } from './support/browser';

// The backend enriches a job (and an edited description) with a local AI before it goes live.
const enrichmentTimeoutMs = 60_000;

const { freshPage } = sharedBrowser();

describe('a Markdown job description', () => {
  it(
    'a provider edits a Markdown description and the seeker sees headings and bullets',
    async () => {
      const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const title = `Markdown Payments Analyst ${stamp}`;

      // --- The provider posts a job.
      const provider = await freshPage();
      await signUp(provider, { fullName: 'E2E Markdown Provider', email: uniqueEmail('provider'), role: 'Job provider' });
      await provider.waitForURL('**/provider/jobs/new');
      await provider.getByLabel('Job title').fill(title);
      await provider.getByLabel('Description').fill(`Reconcile payments for ${stamp} and report the exceptions to the finance team every week.`);
      await provider.getByRole('button', { name: 'Post job' }).click();
      await provider.waitForURL('**/provider/jobs');
      const listing = provider.getByRole('listitem', { name: title });
      await listing.getByText('Active', { exact: true }).waitFor({ timeout: enrichmentTimeoutMs });

      // --- Edit from the listing: the job page opens with its form; the preview shows the Markdown rendered.
      await listing.getByRole('link', { name: `Edit ${title}` }).click();
      const form = provider.getByRole('form', { name: 'Edit job' });
      await form.waitFor();
      await form.getByLabel('Description', { exact: true }).fill(
        [
          `## What you will do`,
          `- Reconcile payments for ${stamp} every day`,
          `- Report exceptions with **evidence**`,
          ``,
          `## How to apply`,
          `Read [our team page](https://example.com/team) first.`,
        ].join('\n'),
      );
      await form.getByRole('button', { name: 'Preview' }).click();
      const preview = form.getByRole('region', { name: 'Description preview' });
      await preview.getByRole('heading', { level: 2, name: 'What you will do' }).waitFor();
      await expect(preview.getByRole('listitem').count()).resolves.toBe(2);
      await form.getByRole('button', { name: 'Save changes' }).click();
      await provider.getByText('Changes saved. The AI is preparing the new description.').waitFor();
      await expect(provider.getByRole('form', { name: 'Edit job' }).count()).resolves.toBe(0);
      const jobPath = new URL(provider.url()).pathname;

      // The listing shows the job being prepared again, then live.
      await provider.getByRole('link', { name: 'Back to my listings' }).click();
      await provider.getByRole('listitem', { name: title }).getByText('AI enriched', { exact: true }).waitFor({ timeout: enrichmentTimeoutMs });

      // --- The seeker reads the job: real headings, bullets and a link.
      const seeker = await freshPage();
      await signUp(seeker, { fullName: 'E2E Markdown Seeker', email: uniqueEmail('seeker'), role: 'Job seeker' });
      await seeker.waitForURL('**/jobs');
      await seeker.goto(jobPath);
      await pageHeading(seeker, title).waitFor();
      const description = seeker.getByRole('tabpanel', { name: 'Description' });
      await description.getByRole('heading', { level: 2, name: 'What you will do' }).waitFor();
      await description.getByRole('heading', { level: 2, name: 'How to apply' }).waitFor();
      expect(await description.getByRole('listitem').allInnerTexts()).toEqual([
        `Reconcile payments for ${stamp} every day`,
        'Report exceptions with evidence',
      ]);
      await expect(description.getByRole('link', { name: 'our team page' }).getAttribute('href')).resolves.toBe('https://example.com/team');
      await expect(description.getByText('##').count()).resolves.toBe(0);
    },
    2 * enrichmentTimeoutMs + 90_000,
  );
});

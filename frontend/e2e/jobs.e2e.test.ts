import { describe, expect, it } from 'vitest';
import { pageHeading, pathOf, sharedBrowser, signUp, uniqueEmail } from './support/browser';

// The backend enriches a new job with a local AI and an embedding model before it goes live.
const enrichmentTimeoutMs = 60_000;

const { freshPage } = sharedBrowser();

describe('a job from posting to interview prep', () => {
  it(
    'is posted by a provider, goes live without a reload, and is found and read by a seeker',
    async () => {
      const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const title = 'Junior Node.js Backend Developer';
      const company = `Kaveri Cloud Labs ${stamp}`;
      const description = [
        `${company} is hiring a Junior Node.js Backend Developer to join our payments team in Bengaluru.`,
        'You will build and maintain REST APIs with Node.js and Express, and write clean, tested JavaScript.',
        'You will design PostgreSQL tables, write SQL queries and tune them with the senior engineers.',
        'We look for fresh graduates or people with up to 2 years of experience who know Git and HTTP basics.',
        'You will join code reviews, on-call hand-overs and weekly learning sessions with mentors.',
      ].join('\n');

      // --- The provider posts the job.
      const provider = await freshPage();
      await signUp(provider, { fullName: 'E2E Provider', email: uniqueEmail('provider'), role: 'Job provider' });
      await provider.waitForURL('**/provider/jobs/new');
      await pageHeading(provider, 'Post a job').waitFor();

      await provider.getByLabel('Job title').fill(title);
      await provider.getByLabel('Company name').fill(company);
      await provider.getByLabel('Location').fill('Bengaluru, India');
      await provider.getByLabel('Description').fill(description);
      const skills = provider.getByRole('textbox', { name: 'Skills', exact: true });
      for (const skill of ['Node.js', 'Express', 'PostgreSQL']) {
        await skills.fill(skill);
        await skills.press('Enter');
      }
      await provider.getByRole('button', { name: 'Post job' }).click();

      // --- It lands on My listings as processing, and turns active without a reload.
      await provider.waitForURL('**/provider/jobs');
      await pageHeading(provider, 'My listings').waitFor();
      await provider.getByText(`“${title}” was posted.`, { exact: false }).waitFor();
      await provider.evaluate(() => {
        (window as Window & { __e2eNoReload?: boolean }).__e2eNoReload = true;
      });

      // The provider is new, so this is their only listing.
      const listing = provider.getByRole('listitem', { name: title });
      await listing.waitFor();
      const jobHref = await listing.getByRole('link', { name: title, exact: true }).getAttribute('href');
      expect(jobHref).toMatch(/^\/jobs\/[^/]+$/);
      // The description is unique to this run, so the AI really runs (no copy from an identical job). A fast
      // enricher may finish before this page has loaded; either way the list must reach Active by itself.
      const firstStatus = await listing.getByText(/^(Processing|Active)$/).first().innerText();
      if (firstStatus === 'Processing') {
        await listing.getByText('Active', { exact: true }).waitFor({ timeout: enrichmentTimeoutMs });
        await expect(listing.getByText('Processing', { exact: true }).count()).resolves.toBe(0);
      } else {
        console.info('jobs e2e: the job was already active when My listings first loaded');
      }
      await expect(listing.getByText('AI enriched', { exact: true }).count()).resolves.toBe(1);
      expect(await provider.evaluate(() => (window as Window & { __e2eNoReload?: boolean }).__e2eNoReload)).toBe(true);

      // --- A seeker finds it in the feed by typing in the search box.
      const seeker = await freshPage();
      await signUp(seeker, { fullName: 'E2E Seeker', email: uniqueEmail('seeker'), role: 'Job seeker' });
      await seeker.waitForURL('**/jobs');
      await pageHeading(seeker, 'Jobs').waitFor();

      await seeker.getByRole('searchbox', { name: 'Search jobs' }).fill('Node.js');
      await seeker.waitForURL(/[?&]q=Node\.js/);
      // Earlier runs posted jobs with the same title: open this run's one (newest first, so on page one).
      const jobLink = seeker.locator(`a[href="${jobHref}"]`);
      const card = seeker.getByRole('article', { name: title }).filter({ has: jobLink });
      await card.waitFor();
      await expect(card.getByText(company, { exact: true }).count()).resolves.toBe(1);
      await jobLink.click();

      // --- The job page: five interview questions and five resume tips.
      await seeker.waitForURL(`**${jobHref}`);
      expect(pathOf(seeker)).toBe(jobHref);
      await pageHeading(seeker, title).waitFor();

      await seeker.getByRole('tab', { name: 'Interview Prep' }).click();
      const prep = seeker.getByRole('tabpanel', { name: 'Interview Prep' });
      await prep.getByRole('listitem').first().waitFor();
      await expect(prep.getByRole('listitem').count()).resolves.toBe(5);
      for (const text of await prep.getByRole('listitem').allInnerTexts()) {
        expect(text).toContain('How to answer:');
      }

      await seeker.getByRole('tab', { name: 'Resume Tips' }).click();
      const tips = seeker.getByRole('tabpanel', { name: 'Resume Tips' });
      await tips.getByRole('listitem').first().waitFor();
      await expect(tips.getByRole('listitem').count()).resolves.toBe(5);
    },
    enrichmentTimeoutMs + 90_000,
  );
});

import { describe, expect, it } from 'vitest';
import { pageHeading, pathOf, sharedBrowser, signUp, uniqueEmail } from './support/browser';
import { minimalPdf } from './support/pdf';

// The backend enriches a new job (local AI + embedding model) before it goes live, and embeds a resume after upload.
const enrichmentTimeoutMs = 60_000;
const resumeReadyTimeoutMs = 60_000;

const { freshPage } = sharedBrowser();

/** A resume that covers the job's Node.js, Express and PostgreSQL, and says nothing of Docker. */
const resumeLines = [
  'Asha Verma',
  'Junior Backend Developer - Pune, India - asha.verma@example.com',
  '',
  'Skills: Node.js, Express, PostgreSQL, JavaScript, SQL',
  '',
  'Projects',
  'Library API: a REST API built with Node.js and Express, storing books and loans in PostgreSQL.',
  'Wrote SQL queries with joins and indexes, and tests for every endpoint.',
  '',
  'Education',
  'B.Tech in Computer Science, 2025',
];

describe('resume and fit', () => {
  it(
    'a seeker uploads a PDF resume, sees its skills, and checks their fit for a posted job',
    async () => {
      const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const title = 'Junior Node.js Backend Developer';
      const company = `Godavari Data Works ${stamp}`;
      const description = [
        `${company} is hiring a Junior Node.js Backend Developer for our logistics platform in Pune.`,
        'You will build REST APIs with Node.js and Express and store data in PostgreSQL.',
        'You will package and run the services with Docker, and write Dockerfiles for new services.',
        'We welcome fresh graduates and people with up to 2 years of experience.',
      ].join('\n');

      // --- A provider posts the job; it goes live once enriched.
      const provider = await freshPage();
      await signUp(provider, { fullName: 'E2E Provider', email: uniqueEmail('provider'), role: 'Job provider' });
      await provider.waitForURL('**/provider/jobs/new');
      await pageHeading(provider, 'Post a job').waitFor();
      await provider.getByLabel('Job title').fill(title);
      await provider.getByLabel('Company name').fill(company);
      await provider.getByLabel('Location').fill('Pune, India');
      await provider.getByLabel('Description').fill(description);
      const skills = provider.getByRole('textbox', { name: 'Skills', exact: true });
      for (const skill of ['Node.js', 'Express', 'PostgreSQL', 'Docker']) {
        await skills.fill(skill);
        await skills.press('Enter');
      }
      await provider.getByRole('button', { name: 'Post job' }).click();
      await provider.waitForURL('**/provider/jobs');
      const listing = provider.getByRole('listitem', { name: title });
      await listing.waitFor();
      const jobHref = await listing.getByRole('link', { name: title, exact: true }).getAttribute('href');
      expect(jobHref).toMatch(/^\/jobs\/[^/]+$/);
      await listing.getByText('Active', { exact: true }).waitFor({ timeout: enrichmentTimeoutMs });

      // --- A seeker signs up and uploads a resume on the Profile page.
      const seeker = await freshPage();
      await signUp(seeker, { fullName: 'Asha Verma', email: uniqueEmail('seeker'), role: 'Job seeker' });
      await seeker.waitForURL('**/jobs');
      await seeker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
      await pageHeading(seeker, 'Profile').waitFor();

      const resume = seeker.getByRole('region', { name: 'Resume' });
      await resume.getByRole('group', { name: 'Upload your resume' }).waitFor();
      await resume.getByLabel('Choose a file').setInputFiles({
        name: 'asha-verma-resume.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf(resumeLines),
      });

      await resume.getByRole('status').filter({ hasText: 'Resume processed successfully' }).waitFor({ timeout: 30_000 });
      const skillChips = resume.getByRole('list', { name: 'Skills found in your resume' }).getByRole('listitem');
      await skillChips.first().waitFor();
      const found = await skillChips.allInnerTexts();
      expect(found.some((skill) => /node/i.test(skill))).toBe(true);
      expect(found.some((skill) => /postgres/i.test(skill))).toBe(true);
      await resume.getByText('asha-verma-resume.pdf', { exact: true }).waitFor();
      await resume.getByRole('link', { name: 'Download asha-verma-resume.pdf' }).waitFor();
      // The resume is embedded in the background; the page follows it.
      await resume.getByText('Ready for matching', { exact: true }).waitFor({ timeout: resumeReadyTimeoutMs });

      // --- On the job's page, "Check my fit" shows the score, what they have and what they miss.
      await seeker.goto(jobHref!);
      await pageHeading(seeker, title).waitFor();
      // The job page shows the seeker's fit: the same number and label the fit page shows (below).
      const onJobPage = seeker.getByText(/^Your fit with this job/);
      await onJobPage.waitFor({ timeout: 30_000 });
      const jobPageFit = (await onJobPage.innerText()).match(/(\d{1,3})% · (Strong|Partial|Low) fit/);
      expect(jobPageFit).not.toBeNull();
      await seeker.getByRole('group', { name: 'Job actions' }).getByRole('link', { name: 'Check my fit' }).click();
      await seeker.waitForURL(`**${jobHref}/match`);
      expect(pathOf(seeker)).toBe(`${jobHref}/match`);
      await pageHeading(seeker, `Your fit for ${title}`).waitFor();

      const gauge = seeker.getByRole('img', { name: /^Match score: \d{1,3}%, (Strong|Partial|Low) fit$/ });
      await gauge.waitFor({ timeout: 30_000 });
      const [, percent, label] = (await gauge.getAttribute('aria-label'))?.match(/(\d+)%, (\w+) fit/) ?? [];
      expect(Number(percent)).toBeGreaterThanOrEqual(0);
      expect(Number(percent)).toBeLessThanOrEqual(100);
      expect([percent, label]).toEqual([jobPageFit?.[1], jobPageFit?.[2]]);
      await seeker.getByText(`${percent}% · ${label} fit`, { exact: false }).first().waitFor();

      const have = seeker.getByRole('list', { name: /^Skills you have/ }).getByRole('listitem');
      await have.first().waitFor();
      expect((await have.allInnerTexts()).some((skill) => /node/i.test(skill))).toBe(true);
      const toBuild = seeker.getByRole('list', { name: /^Skills to build/ }).getByRole('listitem');
      await toBuild.first().waitFor();
      expect((await toBuild.allInnerTexts()).some((skill) => /docker/i.test(skill))).toBe(true);
      await seeker.getByRole('img', { name: /^Skill coverage\./ }).waitFor();
    },
    enrichmentTimeoutMs + resumeReadyTimeoutMs + 90_000,
  );
});

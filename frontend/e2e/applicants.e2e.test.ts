import { describe, expect, it } from 'vitest';
import { e2eEnv, pageHeading, sharedBrowser, signUp, uniqueEmail } from './support/browser';
import { minimalPdf } from './support/pdf';

// The backend enriches a new job before it goes live, and embeds a resume after upload.
const enrichmentTimeoutMs = 60_000;
const resumeReadyTimeoutMs = 60_000;

const { freshPage } = sharedBrowser();

const resumeLines = [
  'Kiran Rao',
  'Junior Backend Developer - Pune, India - kiran.rao@example.com',
  '',
  'Skills: Node.js, Express, PostgreSQL, JavaScript, SQL',
  '',
  'Projects',
  'Library API: a REST API built with Node.js and Express, storing books and loans in PostgreSQL.',
  '',
  'Education',
  'B.Tech in Computer Science, 2025',
];

describe('applying through Ottobon', () => {
  it(
    'a seeker applies with a note; the provider sees them ranked with fit and skills, opens the resume and shortlists them, and the seeker\'s tracker shows it live',
    async () => {
      const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const title = `Junior Node.js Developer ${stamp}`;

      // --- A provider posts the job; it goes live once enriched.
      const provider = await freshPage();
      await signUp(provider, { fullName: 'E2E Provider', email: uniqueEmail('provider'), role: 'Job provider' });
      await provider.waitForURL('**/provider/jobs/new');
      await provider.getByLabel('Job title').fill(title);
      await provider.getByLabel('Company name').fill(`Krishna Logistics ${stamp}`);
      await provider.getByLabel('Location').fill('Pune, India');
      await provider.getByLabel('Description').fill(
        [
          'We are hiring a Junior Node.js Developer for our logistics platform in Pune.',
          'You will build REST APIs with Node.js and Express and store data in PostgreSQL.',
          'Fresh graduates welcome.',
        ].join('\n'),
      );
      const skills = provider.getByRole('textbox', { name: 'Skills', exact: true });
      for (const skill of ['Node.js', 'Express', 'PostgreSQL', 'Docker']) {
        await skills.fill(skill);
        await skills.press('Enter');
      }
      await provider.getByRole('button', { name: 'Post job' }).click();
      await provider.waitForURL('**/provider/jobs');
      const listing = provider.getByRole('listitem', { name: title });
      await listing.getByText('Active', { exact: true }).waitFor({ timeout: enrichmentTimeoutMs });
      const jobHref = await listing.getByRole('link', { name: title, exact: true }).getAttribute('href');

      // --- A seeker uploads a resume and applies with a note.
      const seeker = await freshPage();
      await signUp(seeker, { fullName: 'Kiran Rao', email: uniqueEmail('seeker'), role: 'Job seeker' });
      await seeker.waitForURL('**/jobs');
      await seeker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
      const resume = seeker.getByRole('region', { name: 'Resume' });
      await resume.getByLabel('Choose a file').setInputFiles({ name: 'kiran-rao.pdf', mimeType: 'application/pdf', buffer: minimalPdf(resumeLines) });
      await resume.getByText('Ready for matching', { exact: true }).waitFor({ timeout: resumeReadyTimeoutMs });

      await seeker.goto(jobHref!);
      await pageHeading(seeker, title).waitFor();
      await seeker.getByRole('button', { name: 'Apply with my resume' }).click();
      const form = seeker.getByRole('region', { name: `Apply to ${title}` });
      await form.getByText('kiran-rao.pdf').waitFor();
      await form.getByLabel('Note to the provider (optional)').fill('I built a Node.js and PostgreSQL API.');
      await form.getByRole('button', { name: 'Send application' }).click();
      await seeker.getByText(/Applied through Ottobon on/).waitFor();

      // --- The provider opens the applicants from the listing.
      await provider.reload();
      await provider.getByRole('listitem', { name: title }).getByRole('link', { name: `Applicants for ${title}: 1` }).click();
      await pageHeading(provider, `Applicants for ${title}`).waitFor();
      const card = provider.getByRole('listitem', { name: 'Kiran Rao' });
      await card.getByText(/% · (Strong|Partial|Low) fit/).waitFor();
      expect(await card.getByRole('list', { name: 'Matched skills' }).innerText()).toMatch(/Node\.js/);
      expect(await card.getByRole('list', { name: 'Missing skills' }).innerText()).toMatch(/Docker/);
      await card.getByText('I built a Node.js and PostgreSQL API.').waitFor();

      // "Open resume" asks for a fresh signed link; the link serves the PDF without a token.
      const linkResponse = provider.waitForResponse((response) => response.url().includes('/resume-link'));
      const popup = provider.context().waitForEvent('page');
      await card.getByRole('button', { name: 'Open the resume of Kiran Rao' }).click();
      const { url } = (await (await linkResponse).json()) as { url: string };
      await (await popup).close();
      const download = await fetch(new URL(url, e2eEnv.baseUrl));
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toMatch(/application\/pdf/);

      // --- The seeker watches their tracker while the provider shortlists them with a note.
      await seeker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My applications' }).click();
      const tracked = seeker.getByRole('main').getByRole('article', { name: `${title} at Krishna Logistics ${stamp}` });
      await tracked.waitFor();
      const stage = card.getByRole('form', { name: 'Stage of Kiran Rao' });
      await stage.getByLabel('Stage').selectOption('shortlisted');
      await stage.getByLabel('Note with the move (optional)').fill('Strong Node.js');
      await stage.getByRole('button', { name: 'Save' }).click();
      await card.getByText('Moved to Shortlisted.').waitFor();
      await card.getByText(/Strong Node\.js/).waitFor();

      // The tracker follows without a reload: the notification socket tells the board to read again.
      await tracked.getByText('Employer: Shortlisted').waitFor({ timeout: 15_000 });
      await seeker.getByRole('button', { name: /Notifications, 1 unread/ }).waitFor();
    },
    300_000,
  );
});

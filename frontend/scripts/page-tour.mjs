// Opens every page of the app in a browser, as a visitor and as the demo seeker, provider and admin, and hands
// each one to a callback once it has rendered. Shared by the screenshot command (scripts/screenshots.mjs) and the
// accessibility browser test (e2e/accessibility.e2e.test.ts), so both cover the same pages.

/** The two sizes every page is looked at in. */
export const viewports = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
};

/** Lets the page finish its requests (sockets don't count) without failing a page that keeps polling. */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  // Nothing still says it is loading.
  await page
    .getByRole('status')
    .filter({ hasText: /^Loading|Restoring/ })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
}

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, ...(name ? { name } : {}) }).first().waitFor();
  await settle(page);
}

async function signIn(page, { email, password }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * `newPage()` opens a page in a fresh browser context whose relative URLs resolve against the app; `accounts` holds
 * the seeker's, provider's and admin's email and password; `visit(name, page)` is awaited on every page, in order.
 */
export async function tourPages(newPage, accounts, visit) {
  const visitor = await newPage();
  await visitor.goto('/');
  await heading(visitor, /Your first job/);
  await visit('home-visitor', visitor);

  await visitor.goto('/jobs');
  await heading(visitor, 'Jobs');
  const firstJob = visitor.getByRole('main').getByRole('article').first().getByRole('link').first();
  await firstJob.waitFor().catch(() => {
    throw new Error('The feed has no active jobs to open: sync a source first (Ingestion, or POST /api/admin/ingest/all).');
  });
  const jobPath = new URL(await firstJob.evaluate((link) => link.href)).pathname;
  const jobId = jobPath.split('/').at(-1);
  await visit('feed-visitor', visitor);

  await visitor.goto(jobPath);
  await heading(visitor);
  await visit('job-visitor', visitor);

  await visitor.goto('/login');
  await heading(visitor, 'Sign in');
  await visit('login', visitor);
  await visitor.goto('/register?role=provider');
  await heading(visitor, 'Create your account');
  await visit('register', visitor);
  await visitor.goto('/no-such-page');
  await heading(visitor, 'Page not found');
  await visit('not-found', visitor);

  const seeker = await newPage();
  await signIn(seeker, accounts.seeker);
  await heading(seeker, 'Jobs');
  await visit('feed-seeker', seeker);
  await seeker.goto(jobPath);
  await heading(seeker);
  await visit('job-seeker', seeker);
  // The tracker needs one tracked job: save this one unless the seeker tracks it already (Saved ✓ or Applied on …).
  const jobActions = seeker.getByRole('group', { name: 'Job actions' });
  const save = jobActions.getByRole('button', { name: /^Save / });
  await save.or(jobActions.getByRole('button', { name: /^Saved ✓ / })).or(jobActions.getByRole('link', { name: /^Track / })).first().waitFor();
  if (await save.count()) {
    await save.click();
    await jobActions.getByRole('button', { name: /^Saved ✓ / }).waitFor();
  }
  await seeker.goto('/applications');
  await heading(seeker, 'My applications');
  await visit('applications', seeker);
  await seeker.getByRole('main').getByRole('article').first().getByRole('link').first().click();
  await seeker.waitForURL(/\/applications\/[^/]+$/);
  await heading(seeker);
  await visit('application', seeker);
  await seeker.goto(`${jobPath}/match`);
  await heading(seeker);
  await visit('fit', seeker);
  await seeker.goto('/profile');
  await heading(seeker, 'Profile');
  await visit('profile', seeker);
  await seeker.goto('/chat');
  await heading(seeker, 'Chat');
  await visit('chat-list', seeker);
  await seeker.getByRole('button', { name: 'New general chat' }).click();
  await seeker.waitForURL(/\/chat\/[^/]+$/);
  const chatId = new URL(seeker.url()).pathname.split('/').at(-1);
  await seeker.getByRole('status', { name: 'Connection' }).getByText('Online').waitFor();
  await settle(seeker);
  await visit('chat', seeker);

  const provider = await newPage();
  await signIn(provider, accounts.provider);
  await heading(provider, 'Post a job');
  await visit('provider-new-job', provider);
  await provider.goto('/provider/jobs');
  await heading(provider, 'My listings');
  await visit('provider-listings', provider);

  const admin = await newPage();
  await signIn(admin, accounts.admin);
  await heading(admin, 'Control Tower');
  await visit('control-tower', admin);
  await admin.goto('/admin/ingestion');
  await heading(admin, 'Ingestion');
  await visit('ingestion', admin);
  await admin.goto(`/admin/history?job=${encodeURIComponent(jobId)}`);
  await heading(admin, 'History');
  await visit('history-job', admin);
  await admin.goto(`/admin/history?view=chats&chat=${encodeURIComponent(chatId)}`);
  await heading(admin, 'History');
  await visit('history-chat', admin);
}

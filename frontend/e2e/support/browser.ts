import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Where the app under test runs and who the seeded admin is (see `npm run test:e2e`). */
export const e2eEnv = {
  baseUrl: process.env.E2E_BASE_URL ?? 'http://localhost:5173',
  adminEmail: process.env.E2E_ADMIN_EMAIL ?? '',
  adminPassword: process.env.E2E_ADMIN_PASSWORD ?? '',
};

// Debian's chromium, driven by playwright-core (Playwright's own browser download cannot run here).
// Playwright gives every launch a fresh temporary profile, so no --user-data-dir is needed.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
}

/**
 * One browser for the test file. `freshPage()` opens a page in a fresh context (no cookies, empty localStorage)
 * whose relative URLs resolve against E2E_BASE_URL; every context is closed after each test. Call it at the
 * top level of a test file.
 */
export function sharedBrowser(): { freshPage: () => Promise<Page> } {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  return {
    freshPage: async () => {
      const context = await browser.newContext({ baseURL: e2eEnv.baseUrl });
      contexts.push(context);
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(30_000);
      return context.newPage();
    },
  };
}

/** The page's title (h1): a string names it exactly, a RegExp by pattern. */
export function pageHeading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name, ...(typeof name === 'string' ? { exact: true } : {}) });
}

/** An address no earlier run has registered. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** The visible names of the links in the app's main navigation, in order. */
export async function mainNavigationLinks(page: Page): Promise<string[]> {
  const navigation: Locator = page.getByRole('navigation', { name: 'Main' });
  await navigation.waitFor();
  const names = await navigation.getByRole('link').allInnerTexts();
  return names.map((name) => name.trim());
}

export type SignUpAccount = {
  fullName: string;
  email: string;
  role: 'Job seeker' | 'Job provider';
  password?: string;
};

/** Registers through the UI; the app then moves the new user to their role's home. */
export async function signUp(page: Page, account: SignUpAccount): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Full name').fill(account.fullName);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password ?? 'e2e-password-123');
  await page.getByRole('radio', { name: account.role, exact: true }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs in through the UI; the app then moves the user to their role's home. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

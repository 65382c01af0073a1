// Types of page-tour.mjs for the accessibility browser test.
import type { Page } from 'playwright-core';

export type Account = { email: string; password: string };
export declare const viewports: { desktop: { width: number; height: number }; phone: { width: number; height: number } };
export declare function tourPages(
  newPage: () => Promise<Page>,
  accounts: { seeker: Account; provider: Account; admin: Account },
  visit: (name: string, page: Page) => Promise<void>,
): Promise<void>;

import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnv, pageHeading, sharedBrowser, signUp, uniqueEmail } from './support/browser';

// Budgets of issue 12: the entry chunk under 200 kB minified, and all JavaScript of the first load (entry plus
// the chunks index.html preloads: React, the router, axios) under 200 kB on the wire.
const entryChunkBudgetBytes = 200_000;
const initialTransferBudgetBytes = 200_000;

// Chunks are named after their page module (see app-routes.tsx); a seeker must never fetch these.
const notForSeekers = /\/assets\/(control-tower-page|ingestion-page|history-page|post-job-page|my-listings-page)-[^/]+\.js$/;

type Served = {
  url: string;
  path: string;
  isScript: boolean;
  isDocument: boolean;
  contentEncoding?: string;
  cacheControl?: string;
  vary?: string;
  transferredBytes: number;
  decodedBytes: number;
};

const { freshPage } = sharedBrowser();

/** Records every response the page receives from the app's origin, with its headers and sizes on the wire. */
function recordResponses(page: Page): { served: Served[]; settled: () => Promise<void> } {
  const pending: Promise<void>[] = [];
  const served: Served[] = [];
  const record = async (response: Response) => {
    const request = response.request();
    const url = new URL(response.url());
    if (url.origin !== new URL(e2eEnv.baseUrl).origin) return;
    const headers = await response.allHeaders();
    const body = await response.body().catch(() => Buffer.alloc(0));
    const sizes = await request.sizes();
    served.push({
      url: response.url(),
      path: url.pathname,
      isScript: url.pathname.endsWith('.js'),
      isDocument: request.resourceType() === 'document',
      contentEncoding: headers['content-encoding'],
      cacheControl: headers['cache-control'],
      vary: headers['vary'],
      transferredBytes: sizes.responseBodySize,
      decodedBytes: body.length,
    });
  };
  page.on('response', (response) => {
    pending.push(record(response));
  });
  return { served, settled: async () => void (await Promise.all(pending)) };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('delivering the SPA', () => {
  it('sends a seeker a small, compressed, cacheable first load and never an admin or provider page', async () => {
    const page = await freshPage();
    const { served, settled } = recordResponses(page);

    // --- The first load: the sign-up page, as a new visitor sees it.
    await page.goto('/register', { waitUntil: 'networkidle' });
    await settled();
    const initialScripts = served.filter((response) => response.isScript);
    const entry = initialScripts.find((response) => /\/assets\/index-[^/]+\.js$/.test(response.path));
    expect(entry, 'the entry chunk is loaded').toBeDefined();
    const initialTransferred = initialScripts.reduce((sum, response) => sum + response.transferredBytes, 0);
    const initialDecoded = initialScripts.reduce((sum, response) => sum + response.decodedBytes, 0);
    console.info(
      `delivery e2e: first load ${initialScripts.length} scripts, ${kB(initialTransferred)} transferred ` +
        `(${kB(initialDecoded)} minified); entry chunk ${kB(entry!.decodedBytes)} minified`,
    );
    expect(entry!.decodedBytes).toBeLessThan(entryChunkBudgetBytes);
    expect(initialTransferred).toBeLessThan(initialTransferBudgetBytes);

    // --- A seeker signs up and opens each of their pages, then types an admin address.
    await signUp(page, { fullName: 'E2E Seeker', email: uniqueEmail('seeker'), role: 'Job seeker' });
    await page.waitForURL('**/jobs');
    await pageHeading(page, 'Jobs').waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Profile', 'Chat', 'Jobs']) {
      await navigation.getByRole('link', { name, exact: true }).click();
      await pageHeading(page, name).waitFor();
    }
    await page.goto('/admin/control-tower', { waitUntil: 'networkidle' });
    await pageHeading(page, 'Not allowed').waitFor();
    await settled();

    const scripts = served.filter((response) => response.isScript);
    // The seeker's own pages came as chunks of their own (so the check below can see names at all).
    for (const chunk of ['jobs-page', 'profile-page', 'chat-page']) {
      expect(scripts.some((response) => response.path.includes(`/assets/${chunk}-`)), `${chunk} chunk fetched`).toBe(true);
    }
    expect(scripts.filter((response) => notForSeekers.test(response.path)).map((response) => response.path)).toEqual([]);

    // --- Every hashed file came compressed (br or gzip, whichever the browser asks for) and immutable.
    const assets = served.filter((response) => response.path.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(initialScripts.length);
    for (const asset of assets) {
      expect(asset.cacheControl, asset.path).toBe('public, max-age=31536000, immutable');
      expect(asset.vary?.toLowerCase(), asset.path).toContain('accept-encoding');
    }
    // Only tiny chunks (a few hundred bytes) may be sent plain: compressing them would not make them smaller.
    for (const asset of assets.filter((response) => response.decodedBytes > 1_000)) {
      expect(['br', 'gzip'], `${asset.path} Content-Encoding`).toContain(asset.contentEncoding);
      expect(asset.transferredBytes, asset.path).toBeLessThan(asset.decodedBytes);
    }

    // --- The page itself (index.html, also as the fallback for /admin/control-tower) is revalidated on every load.
    const documents = served.filter((response) => response.isDocument);
    expect(documents.length).toBeGreaterThanOrEqual(2);
    for (const html of documents) {
      expect(html.cacheControl, html.path).toBe('no-cache');
      expect(['br', 'gzip'], `${html.path} Content-Encoding`).toContain(html.contentEncoding);
    }
  });
});

// Writes a full-page PNG of every page at 1366×900 and 390×844 (see scripts/screenshots.sh).
//
//   BASE_URL=http://127.0.0.1:8080 DEMO_PASSWORD=… SCREENSHOTS_DIR=… node scripts/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { tourPages, viewports } from './page-tour.mjs';

const baseURL = process.env.BASE_URL ?? 'http://localhost:8080';
const password = process.env.DEMO_PASSWORD;
const outDir = process.env.SCREENSHOTS_DIR;
if (!password || !outDir) throw new Error('DEMO_PASSWORD and SCREENSHOTS_DIR are required (scripts/screenshots.sh sets them).');

const account = (role) => ({ email: process.env[`DEMO_${role.toUpperCase()}_EMAIL`] ?? `${role}@demo.ottobon.local`, password });

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const newPage = async () => {
    const context = await browser.newContext({ baseURL, viewport: viewports.desktop });
    context.setDefaultTimeout(20_000);
    return context.newPage();
  };
  await tourPages(newPage, { seeker: account('seeker'), provider: account('provider'), admin: account('admin') }, async (name, page) => {
    for (const [label, size] of [['1366', viewports.desktop], ['390', viewports.phone]]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      const file = path.join(outDir, `${name}-${label}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshots: ${path.relative(process.cwd(), file)}`);
    }
    await page.setViewportSize(viewports.desktop);
  });
} finally {
  await browser.close();
}

#!/usr/bin/env node
/**
 * Screenshots of the dashboard with the demo data (drift detected) for the README:
 * docs/screenshots/dashboard.png (laptop, 1280 px wide) and docs/screenshots/dashboard-phone.png (390 px).
 * Uses the built app (run `npm run build` first) served under /drift-monitor/, in headless Chromium.
 *
 *   node scripts/screenshots.mjs            CHROMIUM_PATH overrides /usr/bin/chromium
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const OUT = 'docs/screenshots';
const shots = [
  { file: 'dashboard.png', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, fullPage: true },
  { file: 'dashboard-phone.png', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, fullPage: false, scrollTo: 'main.results' },
];

const server = await startServer('dist', '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  await mkdir(OUT, { recursive: true });
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: shot.deviceScaleFactor });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.locator('main.results[data-run-id="1"]').waitFor();
    // Wait for every chart (drift scores, histogram, ECDF) to be drawn.
    await page.waitForFunction(() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3, undefined, { timeout: 30_000 });
    await page.locator('aside.inputs').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(500);
    if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${OUT}/${shot.file}`, fullPage: shot.fullPage });
    console.log(`wrote ${OUT}/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

#!/usr/bin/env node
/**
 * Screenshots of the dashboard with the demo data (drift, the demo model's F1 drop and performance
 * alert) for the README:
 * - docs/screenshots/dashboard.png: laptop, 1280 px wide, the whole page;
 * - docs/screenshots/dashboard-phone.png: 390 px wide, the results' top;
 * - docs/screenshots/retraining.png: the Retraining and Retraining log sections after an automatic
 *   retrain (a config with `retraining.enabled: true`), in a fresh profile so the log holds this run only;
 * - docs/screenshots/profiles.png: the Reference input holding a saved profile and the Saved profiles
 *   list, after the demo run saved its reference profile and a second run used it as the reference.
 * Uses the built app (run `npx vite build` / `npm run build` first) served under /drift-monitor/, in headless Chromium.
 *
 *   node scripts/screenshots.mjs            CHROMIUM_PATH overrides /usr/bin/chromium
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const OUT = 'docs/screenshots';
const RETRAIN_CONFIG = {
  name: 'retrain.yaml',
  mimeType: 'text/yaml',
  buffer: Buffer.from('data:\n  label_column: churned\nretraining:\n  enabled: true\n'),
};
const shots = [
  { file: 'dashboard.png', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, fullPage: true },
  { file: 'dashboard-phone.png', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, fullPage: false, scrollTo: 'main.results' },
  {
    file: 'retraining.png',
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    config: RETRAIN_CONFIG,
    element: '#retrain-h, #retrain-log-h',
  },
  {
    file: 'profiles.png',
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    element: '#reference-file, #saved-profiles',
    /** After the demo run: save the reference profile, use it as the reference, run again. */
    async then(page) {
      await page.getByRole('button', { name: 'Save reference profile' }).click();
      await page.getByRole('button', { name: 'Use reference as the reference' }).click();
      await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
      await page.getByRole('button', { name: 'Run analysis' }).click();
      await page.locator('main.results[data-run-id="2"]').waitFor();
      await page.locator('#reference-profile-facts').waitFor();
    },
  },
];

const server = await startServer('dist', '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  await mkdir(OUT, { recursive: true });
  for (const shot of shots) {
    // A new context per shot: its own (empty) IndexedDB, so the log shows this run only.
    const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: shot.deviceScaleFactor, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(server.url);
    if (shot.config) await page.getByLabel('Config (YAML)').setInputFiles(shot.config);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
    await page.getByTestId('model-file-name').filter({ hasText: 'model.onnx' }).waitFor();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.locator('main.results[data-run-id="1"]').waitFor();
    // Wait for every chart (drift scores, histogram, ECDF) to be drawn, and the model version to be listed.
    await page.waitForFunction(() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3, undefined, { timeout: 30_000 });
    await page.locator('#model-versions tbody tr').first().waitFor({ timeout: 30_000 });
    if (shot.config) await page.locator('#retrain-result').waitFor({ timeout: 60_000 });
    if (shot.then) await shot.then(page);
    await page.locator('aside.inputs').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(500);
    if (shot.element) {
      // Both sections, as one picture: the union of their boxes.
      const boxes = await page
        .locator('section.panel, details.saved, div.drop')
        .filter({ has: page.locator(shot.element) })
        .evaluateAll((els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            return {
              x: r.left + window.scrollX,
              y: r.top + window.scrollY,
              right: r.right + window.scrollX,
              bottom: r.bottom + window.scrollY,
            };
          }),
        );
      const pad = 8; // keep the panels' borders and rounded corners in the picture
      const x = Math.min(...boxes.map((b) => b.x)) - pad;
      const y = Math.min(...boxes.map((b) => b.y)) - pad;
      const clip = {
        x,
        y,
        width: Math.max(...boxes.map((b) => b.right)) + pad - x,
        height: Math.max(...boxes.map((b) => b.bottom)) + pad - y,
      };
      await page.screenshot({ path: `${OUT}/${shot.file}`, fullPage: true, clip });
    } else {
      if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${OUT}/${shot.file}`, fullPage: shot.fullPage });
    }
    console.log(`wrote ${OUT}/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

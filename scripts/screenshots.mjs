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
 * - docs/screenshots/windows.png: the Windows view (heatmap, trend with the expected-variation band,
 *   drifted share) of a generated pair with a timestamp column: 90 daily windows, a shift from day 60.
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
  await windowsShot();
} finally {
  await browser.close();
  await server.close();
}

/** A seeded pair with a timestamp column: reference 3000 rows, production 90 days x 120 rows, a shift in two features from day 60. */
function windowsPair() {
  let a = 90;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const header = 'ts,amount,tenure,sessions,basket,plan,region,churned\n';
  const row = (ts, shift) =>
    [
      ts,
      (100 + 15 * normal() + 12 * shift).toFixed(2),
      Math.floor(rnd() * 60),
      (5 + normal() + shift).toFixed(2),
      (40 + 8 * normal()).toFixed(2),
      ['basic', 'pro', 'team'][Math.floor(rnd() * (shift ? 3 : 2.5))],
      ['north', 'south', 'east', 'west'][Math.floor(rnd() * 4)],
      rnd() < 0.3 ? 1 : 0,
    ].join(',') + '\n';
  let reference = header;
  for (let i = 0; i < 3000; i++) reference += row(new Date(Date.UTC(2024, 0, 1) + i * 1_800_000).toISOString(), 0);
  let production = header;
  for (let d = 0; d < 90; d++)
    for (let i = 0; i < 120; i++)
      production += row(new Date(Date.UTC(2024, 3, 1) + d * 86_400_000 + i * 700_000).toISOString(), d >= 60 ? 1 : 0);
  return { reference, production };
}

/** docs/screenshots/windows.png: the Windows view after a run split by day. */
async function windowsShot() {
  const { reference, production } = windowsPair();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page
    .getByLabel('Reference CSV or profile')
    .setInputFiles({ name: 'reference.csv', mimeType: 'text/csv', buffer: Buffer.from(reference) });
  await page.getByLabel('Production CSV').setInputFiles({ name: 'production.csv', mimeType: 'text/csv', buffer: Buffer.from(production) });
  await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
  await page.getByText('Windows (monitoring over time)').click();
  await page.getByLabel(/^Period/).selectOption('day');
  await page.getByLabel(/^Timestamp column/).selectOption('ts');
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const view = page.locator('#windows-view');
  await view.waitFor({ timeout: 60_000 });
  // The charts draw when they come near the viewport: pass over the whole view once.
  await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await view.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.waitForFunction(() => document.querySelectorAll('#windows-view .js-plotly-plot .main-svg').length >= 3, undefined, {
    timeout: 30_000,
  });
  await page.waitForTimeout(500);
  await view.screenshot({ path: `${OUT}/windows.png` });
  console.log(`wrote ${OUT}/windows.png`);
  await context.close();
}

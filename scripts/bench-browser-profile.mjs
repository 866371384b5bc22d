/**
 * A large production file against a saved reference profile in the dashboard (built dist/, headless
 * Chromium): the run streams the production file into a profile in the analysis worker, so the tab's
 * memory should stay bounded by the profiles whatever the file size. Generates (once, into .bench/) a
 * 100k-row reference and a production CSV of about --gb gigabytes with the same 13 columns (9 numeric,
 * with many distinct values, 4 categorical; the production shifted), saves the reference's profile
 * through the page, uses it as the reference and runs against the big file. Reports the time, the
 * throughput, the tab's peak memory (renderer RSS, page + workers) and the longest main-thread task.
 *
 *   node scripts/bench-browser-profile.mjs [--gb 4] [--max-exact 1000000]     (after `npm run build`)
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { rendererRssMb } from './bench-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const gb = Number(opt('gb', '4'));
const maxExact = opt('max-exact', null);

const HEADER = 'id_group,amount,balance,score,age,tenure,rate,visits,load,plan,region,channel,status\n';
const PLANS = ['basic', 'pro', 'team', 'enterprise'];
const REGIONS = ['north', 'south', 'east', 'west', 'central'];
const CHANNELS = ['web', 'app', 'store'];
const STATUS = ['active', 'paused', 'closed'];

/** mulberry32 (as src/core/samples/mulberry32.ts): a seeded stream, so the files are the same every time. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a CSV of `rows` rows (or until `bytes` bytes) with the production shift `shift` (0 = reference). */
async function writeCsv(path, { rows = Infinity, bytes = Infinity, shift, seed }) {
  const r = rng(seed);
  const out = createWriteStream(path);
  let written = 0;
  let chunk = HEADER;
  for (let i = 0; i < rows && written < bytes; i++) {
    const u = r();
    chunk +=
      `${i % 1000},${(100 + 40 * (r() + r() + r() - 1.5) + shift * 5).toFixed(2)},${(r() * 1e5).toFixed(1)},${(r() ** (1 + shift)).toFixed(4)},` +
      `${18 + Math.floor(r() * 60)},${Math.floor(r() * 120)},${(u * 0.2).toFixed(5)},${Math.floor(-Math.log(1 - r()) * 5)},` +
      `${(r() * 10 + shift).toFixed(3)},${PLANS[Math.floor(r() ** (1 + shift) * PLANS.length)]},${REGIONS[Math.floor(r() * REGIONS.length)]},` +
      `${CHANNELS[Math.floor(r() * CHANNELS.length)]},${STATUS[Math.floor(r() * STATUS.length)]}\n`;
    if (chunk.length > 1 << 20) {
      written += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const dir = join(root, '.bench', 'profile_run');
mkdirSync(dir, { recursive: true });
const reference = join(dir, 'reference.csv');
const production = join(dir, `production_${gb}gb.csv`);
if (!existsSync(reference)) await writeCsv(reference, { rows: 100_000, shift: 0, seed: 1 });
if (!existsSync(production)) {
  console.log(`generating ${production} (about ${gb} GB) ...`);
  await writeCsv(production, { bytes: gb * 1e9, shift: 1, seed: 2 });
}
const size = statSync(production).size;

const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing; run `npm run build` first');
const server = await startServer(dist, '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const crashed = new Promise((_, reject) => page.on('crash', () => reject(new Error('the tab crashed'))));
  await page.goto(server.url);
  if (maxExact)
    await page.getByLabel('Config (YAML)').setInputFiles({
      name: 'bench.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(`profile:\n  max_exact_values: ${maxExact}\n`),
    });
  // The reference's profile, saved through the page (the reference against itself, a quick run).
  await page.getByLabel('Reference CSV or profile').setInputFiles(reference);
  await page.getByLabel('Production CSV').setInputFiles(reference);
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.locator('main.results[data-run-id="1"]').waitFor({ timeout: 120_000 });
  await page.getByLabel('Profile name').fill('bench reference');
  await page.getByRole('button', { name: 'Save reference profile' }).click();
  await page.locator('#profile-saved').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Use bench reference as the reference' }).click();
  await page.getByText(/Profile of reference\.csv/).waitFor();
  await page.getByLabel('Production CSV').setInputFiles(production);
  await page.getByTestId('production-file-name').filter({ hasText: 'production_' }).waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(() => (window.__longest = 0));

  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 200);
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await Promise.race([page.locator('main.results[data-run-id="2"]').waitFor({ timeout: 3_600_000 }), crashed]);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(poll);
  peak = Math.max(peak, rendererRssMb());
  const longest = await page.evaluate(() => window.__longest);
  const verdict = (await page.getByTestId('verdict-banner').innerText()).trim().split('\n')[0];
  console.log(`\n== dashboard: ${(size / 1e9).toFixed(2)} GB production CSV against a saved reference profile`);
  console.log(`verdict shown: ${verdict}`);
  console.log(`Run analysis -> results  ${seconds.toFixed(1)} s  (${(size / 1e6 / seconds).toFixed(0)} MB/s)`);
  console.log(`tab peak memory (renderer RSS, page + workers) ${peak.toFixed(0)} MB`);
  console.log(`longest main-thread task ${longest.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
}

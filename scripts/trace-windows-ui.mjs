/**
 * The windows view's long main-thread tasks (365 daily windows x 20 features, the pair of
 * scripts/bench-windows-ui.mjs in .bench/windows/), with what they spend their time in, as
 * trace-browser.mjs does for a run: one windowed run, then two phases, "scroll" (the windows view
 * scrolled into sight: heatmap and Plotly charts drawn) and "table" (the Table view's first page).
 * Prints every task of 50 ms or more in them, wall and main-thread CPU time, and the hottest functions.
 * Use an unminified build for readable names:
 *   npx vite build --minify false --outDir .bench/dist-plain
 *   node scripts/bench-windows-ui.mjs --reps 1   (once, to write the pair)
 *   node scripts/trace-windows-ui.mjs --dist .bench/dist-plain [--inclusive]
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { printPhases } from './traceTasks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const dist = resolve(opt('dist', join(root, 'dist')));
const dir = resolve(opt('dir', join(root, '.bench', 'windows')));
const after = Number(opt('after', '3000'));
const minTask = Number(opt('min', '50'));

const server = await startServer(dist, '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Reference CSV or profile').setInputFiles(join(dir, 'reference.csv'));
  await page.getByLabel('Production CSV').setInputFiles(join(dir, 'production_270.csv'));
  await page.getByTestId('production-file-name').filter({ hasText: 'production_' }).waitFor();
  await page.getByText('Windows (monitoring over time)').click();
  await page.getByLabel(/^Period/).selectOption('day');
  await page.getByLabel(/^Timestamp column/).selectOption('ts');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  await page.evaluate(() => console.timeStamp('dm-click'));
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.locator('#windows-view').waitFor({ timeout: 600_000 });
  await page.waitForTimeout(after);
  await page.evaluate(() => console.timeStamp('dm-results'));
  // The heatmap and the Plotly charts draw as the windows view comes into sight.
  await page.evaluate(() => document.querySelector('#windows-view')?.scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(2500);
  await page.evaluate(() => console.timeStamp('dm-table'));
  await page.getByRole('button', { name: 'Table' }).first().click();
  await page.locator('#windows-scores-table tbody tr').nth(24).waitFor();
  await page.waitForTimeout(1000);
  const charts = await page.evaluate(() => performance.getEntriesByName('drift-monitor chart').map((e) => `${e.duration.toFixed(0)} ms`));
  console.log(`chart renders (Plotly calls, in order): ${charts.join(', ')}`);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;

  printPhases({
    events,
    profile,
    minTask,
    inclusive: args.includes('--inclusive'),
    from: 'dm-results',
    to: 'dm-table',
    phases: ['scroll', 'table'],
    listBefore: false,
    header: ({ long }) => `${long.length} task(s) >= ${minTask} ms after the windows view showed`,
  });
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

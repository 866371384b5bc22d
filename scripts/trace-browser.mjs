/**
 * Finds the dashboard's long main-thread tasks on a bench pair, with what they spend their time in:
 * drives a build in headless Chromium through one run (as bench-browser.mjs does) with a CDP trace
 * (Tracing domain: RunTask events of the page's main thread) and a CPU profile (Profiler domain), then
 * prints every main-thread task of 50 ms or more, when it started (from the "Run analysis" click; "run"
 * before the results showed, "render" after), and the functions with the most self time inside it.
 * Use an unminified build for readable names:
 *   npx vite build --minify false --outDir .bench/dist-plain
 *   node scripts/trace-browser.mjs --dist .bench/dist-plain [--dir .bench/gen_1000000] [--after 4000]
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
const dir = resolve(opt('dir', join(root, '.bench', 'gen_1000000')));
const after = Number(opt('after', '4000'));
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
  await page.getByLabel('Reference CSV').setInputFiles(join(dir, 'reference.csv'));
  await page.getByLabel('Production CSV').setInputFiles(join(dir, 'production.csv'));
  await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
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
  const before = Number(await page.locator('main.results').getAttribute('data-run-id'));
  // Markers in the trace (TimeStamp events) for the click and the results.
  await page.evaluate(() => console.timeStamp('dm-click'));
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before, {
    timeout: 300_000,
    polling: 20,
  });
  await page.evaluate(() => console.timeStamp('dm-results'));
  await page.waitForTimeout(after);
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
    from: 'dm-click',
    to: 'dm-results',
    phases: ['run', 'render'],
    header: ({ fromAt, toAt, long }) =>
      `results ${((toAt - fromAt) / 1e6).toFixed(2)} s after the click; ${long.length} task(s) >= ${minTask} ms`,
  });
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

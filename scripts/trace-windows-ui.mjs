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

  // The page's main thread: the renderer thread named CrRendererMain that ran the most tasks.
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const tasks = (pid, tid) => events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X');
  let main = names[0];
  for (const n of names) if (tasks(n.pid, n.tid).length > tasks(main.pid, main.tid).length) main = n;
  const long = tasks(main.pid, main.tid).filter((e) => e.dur >= minTask * 1000);
  const mark = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts ?? NaN;
  const clickAt = mark('dm-results');
  const resultsAt = mark('dm-table');

  // Self time per function in a window, from the CPU profile's samples.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const sampleTimes = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) sampleTimes.push((t += d));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  // Self time per function in a window (or, with --inclusive, time with the function on the stack).
  const inclusive = args.includes('--inclusive');
  const hot = (from, to) => {
    const self = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      if (sampleTimes[i] < from || sampleTimes[i] > to) continue;
      const dt = (sampleTimes[i + 1] ?? sampleTimes[i]) - sampleTimes[i];
      const keys = new Set();
      for (let id = profile.samples[i]; id !== undefined; id = inclusive ? parent.get(id) : undefined) keys.add(keyOf(byId.get(id)));
      for (const key of keys) self.set(key, (self.get(key) ?? 0) + dt);
    }
    return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, inclusive ? 40 : 8);
  };
  console.log(`${long.filter((e) => e.ts >= clickAt).length} task(s) >= ${minTask} ms after the windows view showed`);
  // Wall time depends on what else runs on the machine; thread time (tdur, CPU time of the main thread
  // inside the task) does much less: the longest of each, per phase.
  for (const phase of ['scroll', 'table']) {
    const inPhase = tasks(main.pid, main.tid).filter((e) => (phase === 'scroll' ? e.ts >= clickAt && e.ts < resultsAt : e.ts >= resultsAt));
    const wall = Math.max(0, ...inPhase.map((e) => e.dur / 1000));
    const cpu = Math.max(0, ...inPhase.map((e) => (e.tdur ?? NaN) / 1000).filter((x) => x === x));
    console.log(`longest ${phase} task: ${wall.toFixed(0)} ms wall, longest by main-thread CPU time ${cpu.toFixed(0)} ms`);
  }
  for (const e of long.filter((x) => x.ts >= clickAt)) {
    const at = (e.ts - clickAt) / 1000;
    const phase = e.ts < resultsAt ? 'scroll' : 'table';
    console.log(`\n${phase} task ${(e.dur / 1000).toFixed(0)} ms (CPU ${((e.tdur ?? NaN) / 1000).toFixed(0)} ms) at +${at.toFixed(0)} ms`);
    for (const [k, us] of hot(e.ts, e.ts + e.dur)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

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

  // The page's main thread: the renderer thread named CrRendererMain that ran the most tasks.
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const tasks = (pid, tid) => events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X');
  let main = names[0];
  for (const n of names) if (tasks(n.pid, n.tid).length > tasks(main.pid, main.tid).length) main = n;
  const long = tasks(main.pid, main.tid).filter((e) => e.dur >= minTask * 1000);
  const mark = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts ?? NaN;
  const clickAt = mark('dm-click');
  const resultsAt = mark('dm-results');

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
  console.log(`results ${((resultsAt - clickAt) / 1e6).toFixed(2)} s after the click; ${long.length} task(s) >= ${minTask} ms`);
  // Wall time depends on what else runs on the machine; thread time (tdur, CPU time of the main thread
  // inside the task) does much less: the longest of each, per phase.
  for (const phase of ['run', 'render']) {
    const inPhase = tasks(main.pid, main.tid).filter((e) => (phase === 'run' ? e.ts >= clickAt && e.ts < resultsAt : e.ts >= resultsAt));
    const wall = Math.max(0, ...inPhase.map((e) => e.dur / 1000));
    const cpu = Math.max(0, ...inPhase.map((e) => (e.tdur ?? NaN) / 1000).filter((x) => x === x));
    console.log(`longest ${phase} task: ${wall.toFixed(0)} ms wall, longest by main-thread CPU time ${cpu.toFixed(0)} ms`);
  }
  for (const e of long) {
    const at = (e.ts - clickAt) / 1000;
    const phase = e.ts < clickAt ? 'before' : e.ts < resultsAt ? 'run' : 'render';
    console.log(`\n${phase} task ${(e.dur / 1000).toFixed(0)} ms (CPU ${((e.tdur ?? NaN) / 1000).toFixed(0)} ms) at +${at.toFixed(0)} ms`);
    for (const [k, us] of hot(e.ts, e.ts + e.dur)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

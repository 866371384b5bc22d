/**
 * A timeline of one dashboard run on a bench pair, per thread of the tab: drives a build in headless
 * Chromium through one run (as bench-browser.mjs does) with a CDP trace, then prints, for the page's
 * main thread and every worker thread, its busy time (tasks' CPU time) per 100 ms from the "Run analysis"
 * click, and the `dm:` performance marks each thread set (src/core/timing/runMarks.ts: parse start/end,
 * transfer, merge, typing, tests, results...), with their times from the click. One row of digits per
 * thread: 0-9 is the share of the 100 ms the thread was running a task ('.' idle).
 *   node scripts/timeline-browser.mjs [--dist dist] [--dir .bench/gen_1000000] [--after 3000] [--query parse-workers=4]
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const dist = resolve(opt('dist', join(root, 'dist')));
const dir = resolve(opt('dir', join(root, '.bench', 'gen_1000000')));
const after = Number(opt('after', '3000'));
const query = opt('query', '');
const BUCKET = 100;

const server = await startServer(dist, '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The moment the results are in the page (the run id changes), as bench-browser.mjs times it.
  await context.addInitScript(() => {
    let shown = false;
    new MutationObserver(() => {
      if (!shown && document.querySelector('[data-run-id]')?.getAttribute('data-run-id') !== '0') {
        shown = true;
        performance.mark('dm:shown');
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-run-id'] });
  });
  const page = await context.newPage();
  await page.goto(server.url + (query ? `?${query}` : ''));
  await page.getByLabel('Reference CSV').setInputFiles(join(dir, 'reference.csv'));
  await page.getByLabel('Production CSV').setInputFiles(join(dir, 'production.csv'));
  await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  const profiling = args.includes('--profile');
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', '__metadata'],
    },
    transferMode: 'ReportEvents',
  });
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const before = Number(await page.locator('main.results').getAttribute('data-run-id'));
  await page.evaluate(() => console.timeStamp('dm-click'));
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before, {
    timeout: 300_000,
    polling: 20,
  });
  await page.evaluate(() => console.timeStamp('dm-results'));
  await page.waitForTimeout(after);
  const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
  await cdp.send('Tracing.end');
  await traced;
  const loadAfter = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

  const mark = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
  const click = mark('dm-click');
  const results = mark('dm-results');
  const t0 = click.ts;
  const pid = click.pid;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.pid === pid) names.set(e.tid, e.args.name);
  // Top-level tasks per thread (RunTask, and ThreadControllerImpl::RunTask on workers), nested ones not double counted.
  const byThread = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || !/RunTask/.test(e.name) || e.ts + e.dur < t0) continue;
    if (!byThread.has(e.tid)) byThread.set(e.tid, []);
    byThread.get(e.tid).push(e);
  }
  const end = (results.ts - t0) / 1000 + after;
  const buckets = Math.ceil(end / BUCKET);
  console.log(
    `results ${((results.ts - t0) / 1e6).toFixed(2)} s after the click; load average ${load} before, ${loadAfter} after; one digit per ${BUCKET} ms`,
  );
  const rows = [];
  for (const [tid, tasks] of byThread) {
    tasks.sort((a, b) => a.ts - b.ts);
    const top = [];
    let until = -Infinity;
    for (const e of tasks) {
      if (e.ts >= until) {
        top.push(e);
        until = e.ts + e.dur;
      }
    }
    const cells = new Array(buckets).fill(0);
    let cpu = 0;
    for (const e of top) {
      // Spread the task's CPU time (tdur) over its wall interval.
      const s = (e.ts - t0) / 1000;
      const d = e.dur / 1000;
      const share = d > 0 ? (e.tdur ?? e.dur) / e.dur : 1;
      cpu += ((e.tdur ?? e.dur) / 1000) * (s + d > 0 ? 1 : 0);
      for (let b = Math.max(0, Math.floor(s / BUCKET)); b < buckets && b * BUCKET < s + d; b++) {
        const lo = Math.max(s, b * BUCKET);
        const hi = Math.min(s + d, (b + 1) * BUCKET);
        if (hi > lo) cells[b] += (hi - lo) * share;
      }
    }
    if (cpu < 20) continue;
    const line = cells.map((c) => (c < 5 ? '.' : String(Math.min(9, Math.round((c / BUCKET) * 9))))).join('');
    rows.push({ tid, name: names.get(tid) ?? '?', cpu, line });
  }
  const ruler = Array.from({ length: buckets }, (_, i) => (i % 10 === 0 ? String((i / 10) % 10) : ' ')).join('');
  console.log(`${''.padEnd(34)}${ruler}  (seconds)`);
  for (const r of rows)
    console.log(`${`${r.name} ${r.tid}`.slice(0, 24).padEnd(24)} ${(r.cpu / 1000).toFixed(2).padStart(5)} s  ${r.line}`);
  const marks = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.cat?.includes('blink.user_timing') &&
        e.name.startsWith('dm:') &&
        (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b' || e.ph === 'e'),
    )
    .map((e) => ({ at: (e.ts - t0) / 1000, name: e.name, thread: names.get(e.tid) ?? String(e.tid), tid: e.tid }))
    .filter((m) => m.at >= -50)
    .sort((a, b) => a.at - b.at);
  // The main thread's tasks from the analysis worker's answer to the results in the page.
  const at = (name) => marks.find((m) => m.name === name)?.at ?? NaN;
  const cpuOf = (re) => rows.filter((r) => re.test(r.name)).reduce((a, r) => a + r.cpu, 0) / 1000;
  console.log(
    `summary: shown ${(at('dm:shown') / 1000).toFixed(2)} s after the click; CPU main ${cpuOf(/CrRendererMain/).toFixed(2)} s, workers ${cpuOf(/Worker thread/).toFixed(2)} s`,
  );
  const main = rows.find((r) => r.name === 'CrRendererMain');
  if (main) {
    const from = at('dm:result') - 5;
    const to = at('dm:shown') + 5;
    const tasks = byThread.get(main.tid).filter((e) => (e.ts - t0) / 1000 >= from && (e.ts - t0) / 1000 <= to && e.dur >= 2000);
    console.log(`\nmain-thread tasks of 2 ms or more from dm:result to dm:shown (${(at('dm:shown') - at('dm:result')).toFixed(0)} ms):`);
    for (const e of tasks)
      console.log(
        `  +${((e.ts - t0) / 1000).toFixed(0)} ms  ${(e.dur / 1000).toFixed(0)} ms wall, ${((e.tdur ?? e.dur) / 1000).toFixed(0)} ms CPU`,
      );
    // --profile: the main thread's functions by self time (and on the stack) in that interval.
    if (profile) {
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
      const self = new Map();
      const total = new Map();
      let t = profile.startTime;
      profile.samples.forEach((id, i) => {
        t += profile.timeDeltas[i];
        const ms = (t - t0) / 1000;
        if (ms < from || ms > to) return;
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        self.set(key(byId.get(id)), (self.get(key(byId.get(id))) ?? 0) + dt);
        const seen = new Set();
        for (let n = id; n !== undefined; n = parent.get(n)) seen.add(key(byId.get(n)));
        for (const k of seen) total.set(k, (total.get(k) ?? 0) + dt);
      });
      const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
      console.log('  self time:');
      for (const [k, v] of top(self, 15)) console.log(`    ${v.toFixed(1).padStart(6)} ms  ${k}`);
      console.log('  on the stack:');
      for (const [k, v] of top(total, 40)) console.log(`    ${v.toFixed(1).padStart(6)} ms  ${k}`);
    }
  }
  console.log('\nmarks (ms from the click):');
  for (const m of marks) console.log(`  ${m.at.toFixed(0).padStart(6)}  ${`${m.thread} ${m.tid}`.slice(0, 24).padEnd(24)} ${m.name}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

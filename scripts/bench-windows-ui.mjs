#!/usr/bin/env node
/**
 * The dashboard's windows view under load: a year of daily windows (365) x 20 features. Generates a
 * seeded pair in .bench/windows/ (reference 20,000 rows; production 365 days x --per-day rows, a shift
 * in 5 features from day 200), drives the built dashboard (dist/) in headless Chromium, sets the
 * Windows controls (period day, timestamp column ts), runs, and reports the main-thread long tasks
 * (PerformanceObserver 'longtask': tasks of 50 ms or more) in three phases:
 *   run      from the "Run analysis" click to the results (the worker does the windows; the page
 *            receives and decides them),
 *   heatmap  from scrolling the Windows view into sight to the heatmap (a canvas), trend and share
 *            charts (Plotly) drawn,
 *   draw     the task that drew the heatmap canvas (the long task around the 'heatmap draw' measure;
 *            when none, the draw itself was under 50 ms and its own time is shown),
 *   table    from clicking "Table" to its first page (25 windows x 20 features) shown.
 * With --detail, every long task of the last two phases and every chart render (the 'drift-monitor chart'
 * measures of src/ui/charts/inTurn.ts) are listed, with the start in ms from the phase's start.
 * Needs `npm run build` first. Usage: node scripts/bench-windows-ui.mjs [--per-day 270] [--reps 3] [--detail]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'per-day': { type: 'string', default: '270' },
    reps: { type: 'string', default: '3' },
    detail: { type: 'boolean', default: false },
  },
});
const perDay = Number(values['per-day']);
const reps = Number(values.reps);
/** Rows of a table page (src/ui/components/TrendView.svelte PAGE). */
const PAGE = 25;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makePair(dir) {
  const rnd = mulberry32(365);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const num = Array.from({ length: 12 }, (_, i) => `x${i + 1}`);
  const cat = Array.from({ length: 8 }, (_, i) => `c${i + 1}`);
  const header = ['ts', ...num, ...cat].join(',') + '\n';
  const row = (ts, shift) =>
    [
      ts,
      ...num.map((_, i) => (10 * i + normal() + (i < 3 ? shift : 0)).toFixed(3)),
      ...cat.map((_, i) => `k${Math.floor(rnd() * (4 + i) + (i < 2 && shift ? 1 : 0))}`),
    ].join(',') + '\n';
  const refRows = [];
  for (let i = 0; i < 20000; i++) refRows.push(row(new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString(), 0));
  const prodRows = [];
  for (let d = 0; d < 365; d++) {
    const shift = d >= 200 ? 0.5 : 0;
    for (let i = 0; i < perDay; i++) prodRows.push(row(new Date(Date.UTC(2024, 0, 1) + d * 86_400_000 + i * 300_000).toISOString(), shift));
  }
  writeFileSync(join(dir, 'reference.csv'), header + refRows.join(''));
  writeFileSync(join(dir, `production_${perDay}.csv`), header + prodRows.join(''));
}

const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
const dir = join(root, '.bench', 'windows');
mkdirSync(dir, { recursive: true });
if (!existsSync(join(dir, `production_${perDay}.csv`))) makePair(dir);

const server = await startServer(dist, '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const phases = { run: [], heatmap: [], draw: [], table: [] };
try {
  for (let r = 0; r < reps; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Reference CSV or profile').setInputFiles(join(dir, 'reference.csv'));
    await page.getByLabel('Production CSV').setInputFiles(join(dir, `production_${perDay}.csv`));
    await page.getByTestId('production-file-name').filter({ hasText: 'production_' }).waitFor();
    await page.getByText('Windows (monitoring over time)').click();
    await page.getByLabel(/^Period/).selectOption('day');
    await page.getByLabel(/^Timestamp column/).selectOption('ts');
    const since = () => page.evaluate(() => performance.now());
    const longest = (from, to) =>
      page.evaluate(
        ([a, b]) => Math.max(0, ...window.__tasks.filter((t) => t.start >= a && t.start < b).map((t) => t.duration)),
        [from, to],
      );

    const t0 = await since();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.locator('#windows-view').waitFor({ timeout: 600_000 });
    const t1 = await since();
    phases.run.push({ longest: await longest(t0, t1), seconds: (t1 - t0) / 1000 });

    // The heatmap (a canvas) and the two Plotly charts (trend, drifted share) draw as they come into view.
    await page.evaluate(() => document.querySelector('#windows-view')?.scrollIntoView({ block: 'end' }));
    await page.waitForFunction(
      () =>
        document.querySelector('#windows-view [data-testid="heatmap"] canvas') !== null &&
        document.querySelectorAll('#windows-view .js-plotly-plot .main-svg').length >= 2,
      undefined,
      { timeout: 120_000 },
    );
    // Let the last chart's task finish and be reported.
    await page.waitForTimeout(500);
    const t2 = await since();
    phases.heatmap.push({ longest: await longest(t1, t2), seconds: (t2 - t1) / 1000 });
    // The task that drew the heatmap: the long task around the 'heatmap draw' measure (none: under 50 ms, then the draw itself).
    phases.draw.push(
      await page.evaluate(() => {
        const m = performance.getEntriesByName('heatmap draw').at(-1);
        if (!m) throw new Error('the heatmap was not drawn');
        const task = window.__tasks.find((t) => t.start <= m.startTime && m.startTime <= t.start + t.duration);
        return { longest: task ? task.duration : m.duration, seconds: m.duration / 1000, long: task !== undefined };
      }),
    );

    await page.getByRole('button', { name: 'Table' }).first().click();
    await page
      .locator('#windows-scores-table tbody tr')
      .nth(PAGE - 1)
      .waitFor();
    await page.waitForTimeout(300);
    const t3 = await since();
    phases.table.push({ longest: await longest(t2, t3), seconds: (t3 - t2) / 1000 });
    if (values.detail) {
      const detail = await page.evaluate(
        ([a, b, c]) => ({
          tasks: window.__tasks
            .filter((t) => t.start >= a)
            .map((t) => [t.start < b ? 'heatmap' : 'table', Math.round(t.start - (t.start < b ? a : b)), Math.round(t.duration)]),
          charts: performance
            .getEntriesByName('drift-monitor chart')
            .filter((m) => m.startTime >= a)
            .map((m) => [Math.round(m.startTime - a), Math.round(m.duration)]),
          c,
        }),
        [t1, t2, t3],
      );
      console.log(`  long tasks [phase, start ms, duration ms]: ${JSON.stringify(detail.tasks)}`);
      console.log(`  chart renders [start ms from the heatmap phase, duration ms]: ${JSON.stringify(detail.charts)}`);
    }
    const cells = await page.locator('#windows-scores-table tbody td').count();
    if (cells !== PAGE * 22) throw new Error(`expected ${PAGE} x 22 table cells, got ${cells}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const rows = 365 * perDay;
console.log(
  `windows view: 365 daily windows x 20 features (${rows.toLocaleString('en')} production rows, 20,000 reference rows), ${reps} runs, medians`,
);
for (const [name, list] of Object.entries(phases)) {
  console.log(
    `  ${name.padEnd(8)} longest main-thread task ${median(list.map((x) => x.longest)).toFixed(0)} ms (max ${Math.max(...list.map((x) => x.longest)).toFixed(0)} ms), phase ${median(list.map((x) => x.seconds)).toFixed(2)} s`,
  );
}

/**
 * The browser half of `npm run bench` (issue 3): drives the built dashboard (dist/) in headless Chromium,
 * uploads a generated pair through the file inputs and measures, per size:
 *   - end to end: from the "Run analysis" click to the results (the run id changes),
 *   - the page's longest main-thread task (PerformanceObserver 'longtask'; a long task is >= 50 ms),
 *   - the tab's peak memory: the summed RSS of Chromium's renderer processes (page + its workers), polled.
 * Run via `node scripts/bench.mjs` (it imports benchBrowser) after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function rendererRssMb() {
  try {
    const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
    let kb = 0;
    for (const line of out.split('\n')) if (/chrom/.test(line) && line.includes('--type=renderer')) kb += Number(line.trim().split(/\s+/)[0]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function benchBrowser(dirs, { reps = 3 } = {}) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('\n(browser benchmark skipped: dist/ is missing; run `npm run build` first)');
    return [];
  }
  const server = await startServer(dist, '/drift-monitor/', 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const results = [];
  try {
    for (const dir of dirs) {
      const runs = [];
      for (let i = 0; i < reps; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript(() => {
          window.__longest = 0;
          window.__longTasks = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              window.__longTasks++;
              window.__longest = Math.max(window.__longest, e.duration);
            }
          }).observe({ type: 'longtask', buffered: true });
        });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.getByLabel('Reference CSV').setInputFiles(join(dir, 'reference.csv'));
        await page.getByLabel('Production CSV').setInputFiles(join(dir, 'production.csv'));
        await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
        // The page preloads Plotly when idle; let that finish so only the run is measured.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1500);
        await page.evaluate(() => {
          window.__longest = 0;
          window.__longTasks = 0;
        });
        const before = Number(await page.locator('main.results').getAttribute('data-run-id'));
        let peak = 0;
        const poll = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 100);
        const t0 = performance.now();
        await page.getByRole('button', { name: 'Run analysis' }).click();
        await page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before, { timeout: 300_000, polling: 20 });
        const seconds = (performance.now() - t0) / 1000;
        clearInterval(poll);
        peak = Math.max(peak, rendererRssMb());
        const { longest, longTasks } = await page.evaluate(() => ({ longest: window.__longest, longTasks: window.__longTasks }));
        const verdict = (await page.getByRole('status').innerText()).trim().split('\n')[0];
        runs.push({ seconds, longest, longTasks, peak, verdict });
        await context.close();
      }
      const r = {
        dir,
        seconds: median(runs.map((x) => x.seconds)),
        longestTaskMs: Math.max(...runs.map((x) => x.longest)),
        peakMb: Math.max(...runs.map((x) => x.peak)),
        verdict: runs[0].verdict,
      };
      results.push(r);
      console.log(`\n== browser (headless Chromium), ${dir}: median of ${reps}`);
      console.log(`verdict shown: ${r.verdict}`);
      console.log(`Run analysis -> results  ${r.seconds.toFixed(2)} s`);
      console.log(`longest main-thread task ${r.longestTaskMs.toFixed(0)} ms  (long tasks >= 50 ms in the worst run: ${Math.max(...runs.map((x) => x.longTasks))})`);
      console.log(`tab peak memory (renderer RSS) ${r.peakMb.toFixed(0)} MB`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

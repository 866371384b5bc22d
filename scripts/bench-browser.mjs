/**
 * The browser half of `npm run bench`: drives the built dashboard (dist/) in headless Chromium,
 * uploads a generated pair through the file inputs and measures, per size:
 *   - end to end: from the "Run analysis" click to the results (the run id changes),
 *   - the page's longest main-thread task (PerformanceObserver 'longtask'; a long task is >= 50 ms),
 *   - the tab's peak memory: the summed RSS of Chromium's renderer processes (page + its workers), polled.
 * With a model (`{ model: '.bench/logistic_1m.onnx' }`, bench.mjs --model, or this script's --model) it also
 * uploads it through "Model (ONNX)" and reports the scoring time: from the progress line turning to
 * "Scoring model…" (the tests are done) to the results; it includes loading onnxruntime-web's wasm,
 * scoring both files, the metrics and the prediction-drift tests.
 * Run via `node scripts/bench.mjs` (it imports benchBrowser) after `npm run build`, or on its own:
 *   node scripts/bench-browser.mjs --model .bench/logistic_1m.onnx [--sizes 1000000] [--reps 3]
 * --format parquet uploads the pair's Parquet files instead (scripts/make_bench_parquet.py writes them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Summed RSS (MB) of the Chromium renderer processes that descend from this Node process: the tab and
 * its workers. Other Chromium instances on the machine (e.g. a parallel test run) are not counted.
 */
export function rendererRssMb() {
  try {
    const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
    const procs = out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [pid, ppid, rss, ...args] = line.trim().split(/\s+/);
        return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(' ') };
      });
    const ours = new Set([process.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const p of procs) {
        if (!ours.has(p.pid) && ours.has(p.ppid)) {
          ours.add(p.pid);
          grew = true;
        }
      }
    }
    const kb = procs.filter((p) => ours.has(p.pid) && p.args.includes('--type=renderer')).reduce((a, p) => a + p.rss, 0);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

export async function benchBrowser(dirs, { reps = 3, model = null, format = 'csv' } = {}) {
  // format 'parquet': the pair's reference.parquet / production.parquet (scripts/make_bench_parquet.py).
  const ext = format === 'parquet' ? 'parquet' : 'csv';
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
          // The moment the progress line says the model is being scored.
          window.__scoringAt = null;
          new MutationObserver(() => {
            if (window.__scoringAt === null && document.getElementById('run-stage')?.textContent?.startsWith('Scoring model'))
              window.__scoringAt = performance.now();
          }).observe(document, { subtree: true, childList: true, characterData: true });
        });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.getByLabel('Reference CSV').setInputFiles(join(dir, `reference.${ext}`));
        await page.getByLabel('Production CSV').setInputFiles(join(dir, `production.${ext}`));
        await page
          .getByTestId('production-file-name')
          .filter({ hasText: `production.${ext}` })
          .waitFor();
        if (model) await page.getByLabel('Model (ONNX)').setInputFiles(model);
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
        await page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before, {
          timeout: 300_000,
          polling: 20,
        });
        const seconds = (performance.now() - t0) / 1000;
        const scoring = model
          ? await page.evaluate(() => (window.__scoringAt === null ? NaN : (performance.now() - window.__scoringAt) / 1000))
          : null;
        clearInterval(poll);
        peak = Math.max(peak, rendererRssMb());
        const { longest, longTasks } = await page.evaluate(() => ({ longest: window.__longest, longTasks: window.__longTasks }));
        const verdict = (await page.getByRole('status').innerText()).trim().split('\n')[0];
        const alert = model ? (await page.getByTestId('performance-alert').innerText()).split('\n')[0] : null;
        if (model && !(scoring >= 0)) throw new Error(`no scoring stage seen (${alert ?? (await page.getByRole('alert').innerText())})`);
        runs.push({ seconds, longest, longTasks, peak, verdict, scoring, alert });
        await context.close();
      }
      const r = {
        dir,
        format: ext,
        seconds: median(runs.map((x) => x.seconds)),
        longestTaskMs: Math.max(...runs.map((x) => x.longest)),
        peakMb: Math.max(...runs.map((x) => x.peak)),
        verdict: runs[0].verdict,
        scoringSeconds: model ? median(runs.map((x) => x.scoring)) : null,
      };
      results.push(r);
      console.log(`\n== browser (headless Chromium), ${dir} (${ext}): median of ${reps}`);
      console.log(`verdict shown: ${r.verdict}`);
      console.log(`Run analysis -> results  ${r.seconds.toFixed(2)} s`);
      console.log(
        `longest main-thread task ${r.longestTaskMs.toFixed(0)} ms  (long tasks >= 50 ms in the worst run: ${Math.max(...runs.map((x) => x.longTasks))})`,
      );
      console.log(`tab peak memory (renderer RSS) ${r.peakMb.toFixed(0)} MB`);
      if (model) {
        console.log(`model ${model}: ${runs[0].alert}`);
        console.log(
          `scoring (stage "Scoring model" -> results) ${r.scoringSeconds.toFixed(2)} s  (runs: ${runs.map((x) => x.scoring.toFixed(2)).join(', ')})`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
  const sizes = opt('sizes', '1000000').split(',').map(Number);
  const model = opt('model', null);
  await benchBrowser(
    sizes.map((rows) => join(root, '.bench', `gen_${rows}`)),
    { reps: Number(opt('reps', '3')), model: model && resolve(model), format: opt('format', 'csv') },
  );
}

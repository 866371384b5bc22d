/**
 * The browser half of `npm run bench`: drives the built dashboard (dist/) in headless Chromium,
 * uploads a generated pair through the file inputs and measures, per size:
 *   - end to end: from the "Run analysis" click to the results (the run id changes), timed in the page
 *     (the click event and a MutationObserver on the run id), median of the runs,
 *   - the page's longest main-thread task (PerformanceObserver 'longtask'; a long task is >= 50 ms),
 *     during the run (click to results) and during the rendering (results to the charts drawn and the
 *     page idle) separately, and the longest single chart render (Plotly call, see inTurn.ts),
 *   - the tab's peak memory: the RSS of the page's renderer process (page + its workers; the renderer
 *     that grows the most) and, as measured before, the summed RSS of all of Chromium's renderer
 *     processes (Chromium also keeps two renderers of ~230 MB that are not the tab's), polled,
 *   - navigator.hardwareConcurrency (the parse workers the page may start).
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
  const each = rendererRss();
  return each === null ? NaN : [...each.values()].reduce((a, b) => a + b, 0);
}

/** RSS (MB) of each Chromium renderer process that descends from this Node process, by pid; null if ps fails. */
export function rendererRss() {
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
    return new Map(procs.filter((p) => ours.has(p.pid) && p.args.includes('--type=renderer')).map((p) => [p.pid, p.rss / 1024]));
  } catch {
    return null;
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
          window.__tasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
          }).observe({ type: 'longtask', buffered: true });
          // The click on "Run analysis" and the moment the run id changes (the results are in the page).
          window.__clickAt = null;
          window.__resultsAt = null;
          document.addEventListener(
            'click',
            (e) => {
              if (e.target instanceof Element && e.target.closest('button')?.textContent?.trim() === 'Run analysis')
                window.__clickAt = performance.now();
            },
            true,
          );
          new MutationObserver(() => {
            if (
              window.__clickAt !== null &&
              window.__resultsAt === null &&
              Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > 0
            )
              window.__resultsAt = performance.now();
          }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-run-id'] });
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
          window.__tasks = [];
        });
        const before = Number(await page.locator('main.results').getAttribute('data-run-id'));
        const idle = rendererRss() ?? new Map();
        let sum = 0;
        const each = new Map();
        const sample = () => {
          const now = rendererRss();
          if (!now) return;
          sum = Math.max(
            sum,
            [...now.values()].reduce((a, b) => a + b, 0),
          );
          for (const [pid, mb] of now) each.set(pid, Math.max(each.get(pid) ?? 0, mb));
        };
        const poll = setInterval(sample, 100);
        await page.getByRole('button', { name: 'Run analysis' }).click();
        await page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before, {
          timeout: 300_000,
          polling: 20,
        });
        const scoring = model
          ? await page.evaluate(() => (window.__scoringAt === null ? NaN : (window.__resultsAt - window.__scoringAt) / 1000))
          : null;
        // The rendering: until every chart has drawn (none waits) and a second without a long task.
        await page.waitForFunction(
          () => {
            const t = window.__tasks;
            const charts = performance.getEntriesByName('drift-monitor chart');
            const lastEnd = Math.max(
              window.__resultsAt,
              ...t.map((x) => x.start + x.duration),
              ...charts.map((c) => c.startTime + c.duration),
            );
            const drawn = document.querySelectorAll('.chart').length > 0 && document.querySelectorAll('.chart > div:empty').length === 0;
            return drawn && performance.now() - lastEnd > 1000;
          },
          undefined,
          { timeout: 60_000, polling: 100 },
        );
        clearInterval(poll);
        sample();
        // The tab's renderer: the one that grew the most from before the click.
        let tab = 0;
        let growth = -Infinity;
        for (const [pid, mb] of each) {
          if (mb - (idle.get(pid) ?? 0) > growth) {
            growth = mb - (idle.get(pid) ?? 0);
            tab = mb;
          }
        }
        const timing = await page.evaluate(() => {
          const run = window.__tasks.filter((t) => t.start < window.__resultsAt);
          const render = window.__tasks.filter((t) => t.start >= window.__resultsAt);
          const max = (l) => Math.max(0, ...l.map((t) => t.duration));
          const charts = performance.getEntriesByName('drift-monitor chart').map((e) => e.duration);
          return {
            seconds: (window.__resultsAt - window.__clickAt) / 1000,
            runLongest: max(run),
            runTasks: run.length,
            renderLongest: max(render),
            renderTasks: render.length,
            chartLongest: Math.max(0, ...charts),
            charts: charts.length,
            cores: navigator.hardwareConcurrency,
          };
        });
        const seconds = timing.seconds;
        const longest = Math.max(timing.runLongest, timing.renderLongest);
        const longTasks = timing.runTasks + timing.renderTasks;
        const peak = sum;
        const verdict = (await page.getByRole('status').innerText()).trim().split('\n')[0];
        const alert = model ? (await page.getByTestId('performance-alert').innerText()).split('\n')[0] : null;
        if (model && !(scoring >= 0)) throw new Error(`no scoring stage seen (${alert ?? (await page.getByRole('alert').innerText())})`);
        runs.push({ seconds, longest, longTasks, peak, tab, verdict, scoring, alert, ...timing });
        await context.close();
      }
      const r = {
        dir,
        format: ext,
        seconds: median(runs.map((x) => x.seconds)),
        longestTaskMs: Math.max(...runs.map((x) => x.longest)),
        peakMb: Math.max(...runs.map((x) => x.peak)),
        tabPeakMb: Math.max(...runs.map((x) => x.tab)),
        runLongestTaskMs: Math.max(...runs.map((x) => x.runLongest)),
        renderLongestTaskMs: Math.max(...runs.map((x) => x.renderLongest)),
        chartLongestMs: Math.max(...runs.map((x) => x.chartLongest)),
        hardwareConcurrency: runs[0].cores,
        runSeconds: runs.map((x) => x.seconds),
        verdict: runs[0].verdict,
        scoringSeconds: model ? median(runs.map((x) => x.scoring)) : null,
      };
      results.push(r);
      console.log(`\n== browser (headless Chromium), ${dir} (${ext}): median of ${reps}`);
      console.log(`verdict shown: ${r.verdict}`);
      console.log(`navigator.hardwareConcurrency ${r.hardwareConcurrency}`);
      console.log(`Run analysis -> results  ${r.seconds.toFixed(2)} s  (runs: ${r.runSeconds.map((x) => x.toFixed(2)).join(', ')})`);
      console.log(
        `longest main-thread task: during the run ${r.runLongestTaskMs.toFixed(0)} ms, during the rendering ${r.renderLongestTaskMs.toFixed(0)} ms  (long tasks >= 50 ms in the worst run: ${Math.max(...runs.map((x) => x.longTasks))}; longest chart render ${r.chartLongestMs.toFixed(0)} ms)`,
      );
      console.log(`tab peak memory: the page's renderer ${r.tabPeakMb.toFixed(0)} MB; all renderers summed ${r.peakMb.toFixed(0)} MB`);
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

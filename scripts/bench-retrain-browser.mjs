#!/usr/bin/env node
/**
 * Retraining speed in the browser, set against scikit-learn's fit on the same rows.
 * Drives the built dashboard (dist/) in headless Chromium: uploads the generated pair (label column
 * `label`), runs the analysis once, then clicks "Retrain now" `--reps` times and reads the worker's
 * time for each retraining (trainChallenger: preprocessing + Newton fit, plus the ONNX export and
 * its SHA-256; no champion model) from the result line, and the click-to-result wall time.
 * Then runs scripts/bench-train.mjs in the same session for the scikit-learn baseline (the same
 * training rows, preprocessed identically) and prints the ratio of the medians.
 *   npm run build && node scripts/bench-retrain-browser.mjs [--dir .bench/gen_100000] [--reps 5]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const dir = resolve(root, opt('dir', '.bench/gen_100000'));
const reps = Number(opt('reps', '5'));

if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('dist/ is missing; run `npm run build` first');
const server = await startServer(join(root, 'dist'), '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const workerMs = [];
const wallMs = [];
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  await page
    .getByLabel('Config (YAML)')
    .setInputFiles({ name: 'bench.yaml', mimeType: 'text/yaml', buffer: Buffer.from('data:\n  label_column: label\n') });
  await page.getByLabel('Reference CSV').setInputFiles(join(dir, 'reference.csv'));
  await page.getByLabel('Production CSV').setInputFiles(join(dir, 'production.csv'));
  await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.waitForFunction(() => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > 0, null, {
    timeout: 120_000,
  });
  for (let i = 0; i < reps; i++) {
    await page.locator('#retrain-now:not([disabled])').waitFor({ timeout: 120_000 });
    const before = await page.locator('#retrain-events tbody tr').count();
    const t0 = Date.now();
    await page.locator('#retrain-now').click();
    await page.waitForFunction((n) => document.querySelectorAll('#retrain-events tbody tr').length > n, before, { timeout: 120_000 });
    wallMs.push(Date.now() - t0);
    const line = await page.locator('#retrain-h ~ p.hint', { hasText: 'trained on' }).innerText();
    workerMs.push(Number(/in (\d+) ms/.exec(line)[1]));
  }
  const clear = page.locator('#retrain-clear');
  page.on('dialog', (d) => void d.accept());
  await clear.click();
} finally {
  await browser.close();
  await server.close();
}
const ours = median(workerMs);
console.log(
  `browser (Chromium, analysis worker): retrain median ${ours} ms (runs ${workerMs.join(', ')}); click to logged result median ${median(wallMs)} ms`,
);
const r = spawnSync(process.execPath, [join(root, 'scripts/bench-train.mjs'), '--dir', dir, '--reps', String(reps)], {
  cwd: root,
  encoding: 'utf8',
});
if (r.status !== 0) throw new Error(`bench-train.mjs failed:\n${r.stderr}`);
process.stdout.write(r.stdout);
for (const m of r.stdout.matchAll(/sklearn (\S+) (.+?): fit median (\d+) ms/g)) {
  console.log(`ratio browser retrain / sklearn ${m[2]} fit: ${(ours / Number(m[3])).toFixed(2)} (target <= 2)`);
}

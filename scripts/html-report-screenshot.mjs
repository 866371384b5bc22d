#!/usr/bin/env node
/**
 * docs/screenshots/html-report.png: the CLI's HTML report of the demo pair with the demo model
 * (public/demo), opened from file:// in headless Chromium with every request refused, the top of the
 * page (verdict, key figures, drift score chart) at 1100 px wide. Uses the built CLI (`npm run build:lib`).
 *
 *   node scripts/html-report-screenshot.mjs      CHROMIUM_PATH overrides /usr/bin/chromium
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const dir = mkdtempSync(join(tmpdir(), 'dm-html-shot-'));
const html = join(dir, 'drift_report.html');
const run = spawnSync(
  process.execPath,
  [
    'bin/drift-monitor.js',
    ...['-r', 'public/demo/reference.csv', '-p', 'public/demo/production.csv', '-l', 'churned', '--model', 'public/demo/model.onnx'],
    ...['-o', join(dir, 'r.json'), '--html', html, '-q'],
  ],
  { encoding: 'utf8' },
);
if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
const url = pathToFileURL(html).href;
await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
const page = await context.newPage();
await page.goto(url);
await page.screenshot({ path: 'docs/screenshots/html-report.png' });
await browser.close();
console.log(`wrote docs/screenshots/html-report.png (report: ${statSync(html).size} bytes)`);

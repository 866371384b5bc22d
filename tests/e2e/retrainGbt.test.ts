/**
 * The dashboard's "Model family" select: "Retrain now" with gradient-boosted trees trains a tree
 * ensemble in the worker, and the log entry records the family; "Cancel retraining" shows the
 * cancelled state and logs nothing. Built app, headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetrainLogJson } from '../../src/core/retrainLog/index.ts';
import { startServer } from '../../scripts/serve.mjs';
import { BASE } from './helpers/browser.ts';
import { DIST, ROOT, ensureBuilt } from './helpers/ensureBuilt.ts';
import type { Report } from '../../src/core/report/types.ts';
import { numbersClose } from '../helpers/numbersClose.ts';
import { loadDemo, runAnalysis } from './helpers/dashboard.ts';

const CONFIG = {
  name: 'gbt.yaml',
  mimeType: 'text/yaml',
  buffer: Buffer.from('data:\n  label_column: churned\nretraining:\n  model_family: gradient_boosting\n'),
};
const WAIT = 60_000;

let server: Awaited<ReturnType<typeof startServer>>;
let context: BrowserContext | null = null;

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer(DIST, BASE, 0);
}, 200_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await server?.close();
});

describe('Model family select next to "Retrain now"', () => {
  it('follows retraining.model_family of a loaded config, and Retrain now trains that family', async () => {
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dm-profile-')), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    const select = page.locator('#retrain-family');
    expect(await select.inputValue()).toBe('logistic');
    await page.getByLabel('Config (YAML)').setInputFiles(CONFIG);
    await loadDemo(page);
    expect(await select.inputValue()).toBe('gradient_boosting');
    expect(await runAnalysis(page)).toBe('done');
    // Cancelled as soon as it starts (the fit stops at its first check of the signal, so the outcome
    // does not depend on how fast this machine fits): the cancelled state shows, nothing is logged.
    await page.locator('#retrain-now:not([disabled])').waitFor({ timeout: WAIT });
    await page.locator('#retrain-now').click();
    await page.getByRole('button', { name: 'Cancel retraining' }).click();
    await page.locator('#retrain-message', { hasText: 'Retraining cancelled.' }).waitFor({ timeout: WAIT });
    expect(await page.locator('#retrain-error').count()).toBe(0);
    expect(await page.locator('#retrain-events caption').innerText()).toBe('0 retrain events');
    await page.locator('#retrain-now:not([disabled])').waitFor({ timeout: WAIT });
    await page.locator('#retrain-now').click();
    await page.locator('#retrain-events caption', { hasText: '1 retrain event' }).waitFor({ timeout: WAIT });
    console.log(`gradient-boosted trees retrain: ${await page.locator('#retrain-summary').innerText()}`);
    await select.selectOption('logistic');
    await page.locator('#retrain-now:not([disabled])').waitFor({ timeout: WAIT });
    await page.locator('#retrain-now').click();
    await page.locator('#retrain-events caption', { hasText: '2 retrain events' }).waitFor({ timeout: WAIT });
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('#retrain-export-json').click()]);
    const rows = parseRetrainLogJson((await readFile((await d.path())!)).toString('utf8'), 'retrain_log.json');
    expect(rows.map((r) => r.model_family)).toEqual(['gradient_boosting', 'logistic']);
    expect(rows[0].post_f1).toBeGreaterThan(0.3);

    // The CLI trains the same trees from the same rows and seed: the same ONNX bytes, so the same
    // SHA-256 version (the trainer's exp/log are engine-independent: src/core/train/portableMath.ts).
    const dir = mkdtempSync(join(tmpdir(), 'dm-gbt-cli-'));
    const config = join(dir, 'gbt.yaml');
    writeFileSync(config, `${CONFIG.buffer.toString('utf8')}  enabled: true\n`);
    const demo = (f: string) => join(ROOT, 'public/demo', f);
    const out = join(dir, 'r.json');
    const cli = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/drift-monitor.js'),
        '-r',
        demo('reference.csv'),
        '-p',
        demo('production.csv'),
        '-c',
        config,
        '--model',
        demo('model.onnx'),
        '-o',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    const node = (JSON.parse(await readFile(out, 'utf8')) as Report).retraining!;
    expect(node.challenger!.family).toBe('gradient_boosting');
    expect(rows[0].challenger_version).toBe(node.challenger!.version);
    expect(numbersClose(rows[0].post_f1!, node.challenger!.f1)).toBe(true);
  }, 180_000);
});

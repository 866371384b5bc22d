/**
 * Retraining in the browser: the built app in headless Chromium with a persistent profile (so
 * IndexedDB survives a reload and a browser restart). The demo pair is drifted and labelled
 * ("churned"); "Load demo data" also loads the demo model, which becomes the champion.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasuredPerformance, Report, RetrainingReport } from '../../src/core/report/types.ts';
import { parseRetrainLogJson, RETRAIN_LOG_COLUMNS } from '../../src/core/retrainLog/index.ts';
import { startServer } from '../../scripts/serve.mjs';
import { BASE } from './helpers/browser.ts';
import { DIST, ROOT, ensureBuilt } from './helpers/ensureBuilt.ts';
import { downloadJsonReport, loadDemo, runAnalysis } from './helpers/dashboard.ts';
import { expectAgreement } from './helpers/comparableReport.ts';

const CONFIG = {
  name: 'retrain.yaml',
  mimeType: 'text/yaml',
  buffer: Buffer.from('data:\n  label_column: churned\nretraining:\n  enabled: true\n'),
};
const WAIT = 60_000;

let server: Awaited<ReturnType<typeof startServer>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer(DIST, BASE, 0);
}, 200_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await server?.close();
});

async function launch(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    acceptDownloads: true,
  });
  contexts.push(context);
  return context;
}

async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url);
  return page;
}

/** Counts shown in the Retraining log (after it has read IndexedDB). */
async function counts(page: Page): Promise<{ events: number; models: number }> {
  const events = await page.locator('#retrain-events tbody tr').count();
  const models = await page.locator('#model-versions tbody tr').count();
  return { events, models };
}

async function waitEvents(page: Page, n: number): Promise<void> {
  await page.locator('#retrain-events caption', { hasText: `${n} retrain event${n === 1 ? '' : 's'}` }).waitFor({ timeout: WAIT });
}

async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return readFile((await d.path())!);
}

/** Demo data + a config with retraining.enabled, run; waits for the automatic retraining's event. */
async function analyseWithRetraining(page: Page, eventsAfter: number): Promise<void> {
  await page.getByLabel('Config (YAML)').setInputFiles(CONFIG);
  await loadDemo(page);
  expect(await page.locator('#retrain-auto').isChecked()).toBe(true);
  expect(await runAnalysis(page)).toBe('done');
  await waitEvents(page, eventsAfter);
}

describe('retraining in the browser (persistent profile)', () => {
  it('an analysis of the drifted labelled demo pair adds a log entry and a model version; both survive a reload and a browser restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'dm-profile-'));
    let context = await launch(profile);
    let page = await openPage(context);
    await waitEvents(page, 0);
    await analyseWithRetraining(page, 1);
    await page.locator('#retrain-result').waitFor();
    // The demo model (uploaded, the champion) and the challenger (trained).
    expect(await counts(page)).toEqual({ events: 1, models: 2 });
    const sources = await page.locator('#model-versions tbody tr td:nth-child(3)').allInnerTexts();
    expect(sources.sort()).toEqual(['trained', 'uploaded']);
    const row = await page.locator('#retrain-events tbody tr').first().innerText();
    expect(row).toContain('auto');
    expect(row).toMatch(/features drifted/);

    await page.reload();
    await waitEvents(page, 1);
    expect(await counts(page)).toEqual({ events: 1, models: 2 });

    await context.close();
    context = await launch(profile);
    page = await openPage(context);
    await waitEvents(page, 1);
    expect(await counts(page)).toEqual({ events: 1, models: 2 });
    await context.close();
  }, 180_000);

  it('export JSON / CSV, clear after a confirmation, import back: the same log; a second import skips duplicates', async () => {
    const context = await launch(mkdtempSync(join(tmpdir(), 'dm-profile-')));
    const page = await openPage(context);
    await analyseWithRetraining(page, 1);
    await page.locator('#retrain-now').click();
    await waitEvents(page, 2);
    const json = await download(page, '#retrain-export-json');
    const csv = (await download(page, '#retrain-export-csv')).toString('utf8');
    const rows = parseRetrainLogJson(json.toString('utf8'), 'retrain_log.json');
    expect(rows.map((r) => r.trigger)).toEqual(['auto', 'manual']);
    expect(csv.split('\n')[0]).toBe(RETRAIN_LOG_COLUMNS.join(','));
    expect(csv.trimEnd().split('\n')).toHaveLength(3);

    await page.locator('#retrain-clear').click(); // confirm() accepted by the page's dialog handler
    await waitEvents(page, 0);
    await page.locator('#retrain-import').setInputFiles({ name: 'retrain_log.json', mimeType: 'application/json', buffer: json });
    await waitEvents(page, 2);
    expect((await download(page, '#retrain-export-json')).equals(json)).toBe(true);
    expect((await download(page, '#retrain-export-csv')).toString('utf8')).toBe(csv);
    await page.locator('#retrain-import').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: json });
    await page.locator('#retrain-message', { hasText: 'Imported 0 entries from again.json (2 already in the log, skipped)' }).waitFor();
    await waitEvents(page, 2);
    await page.locator('#retrain-import').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"drift-monitor retrain log","version":1,"entries":[{"timestamp":"x"}]}'),
    });
    await page.locator('#retrain-error', { hasText: 'bad.json: entry 1' }).waitFor();
    await waitEvents(page, 2);
    await context.close();
  }, 180_000);

  it('two pages writing at once keep every entry', async () => {
    const context = await launch(mkdtempSync(join(tmpdir(), 'dm-profile-')));
    const [a, b] = [await openPage(context), await openPage(context)];
    for (const p of [a, b]) {
      await p.getByLabel('Config (YAML)').setInputFiles(CONFIG);
      await loadDemo(p);
      expect(await runAnalysis(p)).toBe('done');
      await p.locator('#retrain-result').waitFor({ timeout: WAIT });
    }
    // Both now retrain at the same moment, several times each.
    const clicks = async (p: Page) => {
      for (let i = 0; i < 3; i++) {
        await p.locator('#retrain-now:not([disabled])').click();
        await p.locator('#retrain-now:not([disabled])').waitFor({ timeout: WAIT });
      }
    };
    await Promise.all([clicks(a), clicks(b)]);
    await a.reload();
    // 2 automatic + 6 manual events; the champion and the (identical) challenger model versions.
    await waitEvents(a, 8);
    expect(await a.locator('#retrain-events tbody tr td:nth-child(2)').allInnerTexts()).toEqual(expect.arrayContaining(['auto', 'manual']));
    expect((await counts(a)).models).toBe(2);
    await context.close();
  }, 180_000);

  it('the retrained model, downloaded and uploaded again as "Model (ONNX)", scores the same (browser, CLI, champion vs challenger)', async () => {
    const context = await launch(mkdtempSync(join(tmpdir(), 'dm-profile-')));
    const page = await openPage(context);
    await analyseWithRetraining(page, 1);
    const challengerF1 = await page.locator('#retrain-result tbody tr:nth-child(2) td:nth-child(2)').innerText();
    const bytes = await download(page, '#retrain-download-model');
    const dir = mkdtempSync(join(tmpdir(), 'dm-model-'));
    const modelPath = join(dir, 'retrained.onnx');
    await import('node:fs/promises').then((fs) => fs.writeFile(modelPath, bytes));

    await page.locator('#retrain-auto').uncheck();
    await page.locator('#model-file').setInputFiles(modelPath);
    await page.getByTestId('model-file-name').filter({ hasText: 'retrained.onnx' }).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    const browser = await downloadJsonReport(page);
    const out = join(dir, 'r.json');
    const cli = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/drift-monitor.js'),
        '-r',
        join(ROOT, 'public/demo/reference.csv'),
        '-p',
        join(ROOT, 'public/demo/production.csv'),
        '-l',
        'churned',
        '--model',
        modelPath,
        '-o',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    const node = JSON.parse(await readFile(out, 'utf8')) as Report;
    const metrics = (r: Report) => {
      const p = r.performance!;
      const prod = p.production as MeasuredPerformance; // the demo production file is labelled: measured, not estimated
      return [p.baseline!.f1, p.baseline!.accuracy, p.baseline!.roc_auc, prod.f1, prod.accuracy, prod.roc_auc];
    };
    // Same runtime (onnxruntime-web's wasm), same model bytes, same inputs.
    expectAgreement('retrained model metrics', metrics(browser), metrics(node));

    // As the champion, on the same held-out rows, it scores what it scored as the challenger.
    await page.locator('#retrain-now').click();
    await page.locator('#retrain-result').waitFor({ timeout: WAIT });
    await waitEvents(page, 2);
    const championF1 = await page.locator('#retrain-result tbody tr:nth-child(1) td:nth-child(2)').innerText();
    expect(championF1).toBe(challengerF1);
    await context.close();
  }, 180_000);

  it('a model used in a run is a model version at once (no retrain needed), stored once however often it is used', async () => {
    const context = await launch(mkdtempSync(join(tmpdir(), 'dm-profile-')));
    const page = await openPage(context);
    await waitEvents(page, 0);
    await loadDemo(page);
    expect(await page.locator('#retrain-auto').isChecked()).toBe(false);
    expect(await runAnalysis(page)).toBe('done');
    const demoVersion = createHash('sha256')
      .update(readFileSync(join(ROOT, 'public/demo/model.onnx')))
      .digest('hex');
    const row = page.locator(`#model-versions tbody tr[data-version="${demoVersion}"]`);
    await row.waitFor({ timeout: WAIT });
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['model.onnx', 'uploaded']));
    expect(await runAnalysis(page)).toBe('done');
    await page.reload();
    await page.locator('#model-versions caption', { hasText: '1 model version' }).waitFor({ timeout: WAIT });
    expect(await counts(page)).toEqual({ events: 0, models: 1 });
    // No retrain in this analysis: the report's retraining section is null.
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    expect((await downloadJsonReport(page)).retraining).toBeNull();
    await context.close();
  }, 180_000);

  it("the downloaded report carries the retraining shown on the page, equal to the CLI's for the same inputs and config", async () => {
    const context = await launch(mkdtempSync(join(tmpdir(), 'dm-profile-')));
    const page = await openPage(context);
    await analyseWithRetraining(page, 1);
    await page.locator('#retrain-result').waitFor();
    const browser = (await downloadJsonReport(page)).retraining!;
    expect(browser).not.toBeNull();
    // What the page shows.
    expect(browser.status).toBe('retrained');
    expect(browser.trigger).toBe('auto');
    const summary = await page.locator('#retrain-summary').innerText();
    expect(summary.startsWith(browser.promoted ? 'Promoted' : 'Not promoted')).toBe(true);
    expect(await page.locator('#retrain-model-version').getAttribute('title')).toBe(browser.model_version);
    expect(await page.locator('#retrain-result tbody tr:nth-child(2) td:nth-child(2)').innerText()).toBe(browser.challenger!.f1.toFixed(4));

    // The CLI on the same files, config and model.
    const dir = mkdtempSync(join(tmpdir(), 'dm-cli-'));
    const configPath = join(dir, 'retrain.yaml');
    writeFileSync(configPath, CONFIG.buffer);
    const out = join(dir, 'r.json');
    const demo = (f: string) => join(ROOT, 'public/demo', f);
    const cli = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/drift-monitor.js'),
        '-r',
        demo('reference.csv'),
        '-p',
        demo('production.csv'),
        '-c',
        configPath,
        '--model',
        demo('model.onnx'),
        '-o',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    const node = (JSON.parse(await readFile(out, 'utf8')) as Report).retraining!;
    // The champion is named by its file name in both (the CLI takes the basename of --model), no
    // save_path is configured and the section holds no timestamps: nothing to normalise. The trainer
    // uses engine-independent exp/log (src/core/train/portableMath.ts), so the challenger's bytes and
    // so its SHA-256 version are the same in Chromium and Node (strings compare exactly).
    expectAgreement('retraining section', browser, node);
    expect(browser.challenger!.version).toBe(node.challenger!.version);

    // "Retrain now" replaces the section (trigger manual); a new run without retraining clears it.
    await page.locator('#retrain-now').click();
    await waitEvents(page, 2);
    const manual = (await downloadJsonReport(page)).retraining as RetrainingReport;
    expect(manual.trigger).toBe('manual');
    expect(manual.reasons[0]).toBe('manual: Retrain now');
    await page.locator('#retrain-auto').uncheck();
    expect(await runAnalysis(page)).toBe('done');
    expect((await downloadJsonReport(page)).retraining).toBeNull();
    await context.close();
  }, 180_000);

  it('a full disk (storage quota exceeded) shows one clear line, keeps the earlier entries, and the page keeps working', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'dm-profile-'));
    let context = await launch(profile);
    let page = await openPage(context);
    await analyseWithRetraining(page, 1);
    const before = await page.locator('#retrain-events tbody tr').allInnerTexts();
    // Chromium's IndexedDB remembers for ~30 s that there was room after a write, so the disk
    // "fills up" in a later session: restart on the same profile, shrink the quota before any write.
    await context.close();
    context = await launch(profile);
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url);
    const origin = new URL(server.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    await waitEvents(page, 1);

    await page.getByLabel('Config (YAML)').setInputFiles(CONFIG);
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    const error = page.locator('#retrain-error');
    await error.waitFor({ timeout: WAIT });
    const text = await error.innerText();
    expect(text).toMatch(/^Could not save the retraining log: the browser's storage is full; .*Earlier entries are kept\.$/);
    expect(text).not.toContain('\n');
    await waitEvents(page, 1);
    expect(await page.locator('#retrain-events tbody tr').allInnerTexts()).toEqual(before);
    // The retraining itself is not lost from this analysis: its outcome shows and is in the report.
    await page.locator('#retrain-result').waitFor();
    expect((await downloadJsonReport(page)).retraining?.status).toBe('retrained');

    // The page keeps working: another analysis runs, and once there is room the next retrain is stored.
    // (runAnalysis() would stop at the storage message, which is an alert: wait for the run id instead.)
    await page.locator('#retrain-auto').uncheck();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.locator('main.results[data-run-id="2"]').waitFor({ timeout: WAIT });
    await page.locator('#summary-h').waitFor();
    expect(await page.locator('#retrain-events tbody tr').allInnerTexts()).toEqual(before);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.locator('#retrain-now').click();
    await waitEvents(page, 2);
    expect(await page.locator('#retrain-error').count()).toBe(0);
    await page.reload();
    await waitEvents(page, 2);
    expect((await page.locator('#retrain-events tbody tr').allInnerTexts())[0]).toBe(before[0]);
    await context.close();
  }, 180_000);
});

/**
 * The History, end to end (built app, Debian's Chromium with a persistent user data directory): every
 * finished run's summary kept in IndexedDB, shown after a reload and after a browser restart on the
 * same directory; two tabs appending at once lose nothing; export (JSON Lines) and import
 * de-duplicated by id, into another browser too; hostile or invalid files refused with one line and
 * nothing stored lost; a full disk refused with one line; the upgrade of the database from the version
 * before the History keeps the model registry's stores and data.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { ROOT } from '../cli/runCli.ts';
import { offOrigin, recordDashboard, type OpenedPage } from './helpers/browser.ts';
import { usePersistentDashboard } from './helpers/persistentBrowser.ts';
import { runAnalysis } from './helpers/dashboard.ts';
import type { HistoryEntry } from '../../src/core/windows/types.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/windowsui');
const REFERENCE = join(FIXTURE, 'reference.csv');
const PRODUCTION = join(FIXTURE, 'production.csv');
const PARTS = [1, 2, 3].map((i) => join(FIXTURE, `production_part${i}.csv`));

const suite = usePersistentDashboard();

async function choose(page: Page, production: string): Promise<void> {
  await page.getByLabel('Reference CSV or profile').setInputFiles(REFERENCE);
  await page.getByLabel('Production CSV').setInputFiles(production);
  await page
    .getByTestId('production-file-name')
    .filter({ hasText: production.split('/').pop()! })
    .waitFor();
}

/** The runs the History lists, as their data-history-id attributes (newest first). */
async function historyIds(page: Page): Promise<string[]> {
  if ((await page.locator('#history-runs').count()) === 0) return [];
  return page.locator('#history-runs tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-history-id') ?? ''));
}

async function expectClean(opened: OpenedPage): Promise<void> {
  expect(opened.dialogs).toEqual([]);
  expect(await opened.page.locator('img[src="x"]').count()).toBe(0);
  expect(opened.errors).toEqual([]);
  expect(offOrigin(opened.requests, suite.origin)).toEqual([]);
}

async function exportHistory(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export history' }).click()]);
  expect(download.suggestedFilename()).toBe('drift-monitor-history.jsonl');
  return readFile(await download.path(), 'utf8');
}

async function importText(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import history').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

let kept: string[] = [];
let exported = '';

describe('History (built app, persistent Chromium profile)', () => {
  it('keeps a summary of every run, which survives a reload', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    expect(await historyIds(page)).toEqual([]);
    await choose(page, PRODUCTION);
    expect(await runAnalysis(page)).toBe('done');
    await expect.poll(() => historyIds(page)).toHaveLength(1);
    await choose(page, PARTS[0]);
    expect(await runAnalysis(page)).toBe('done');
    await expect.poll(() => historyIds(page)).toHaveLength(2);
    kept = await historyIds(page);
    await page.reload();
    await expect.poll(() => historyIds(page)).toEqual(kept);
    await page.locator('[data-testid="history-trend"]').waitFor();
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('after a browser restart on the same user data dir the History still lists every run', async () => {
    const opened = await suite.launch();
    await expect.poll(() => historyIds(opened.page)).toEqual(kept);
    await expectClean(opened);
    await opened.context.close();
  }, 120_000);

  it('two tabs appending at once lose nothing; each tab shows the other’s run', async () => {
    const opened = await suite.launch();
    const second = await opened.context.newPage();
    await second.goto(suite.url);
    await choose(opened.page, PARTS[1]);
    await choose(second, PARTS[2]);
    const outcomes = await Promise.all([runAnalysis(opened.page), runAnalysis(second)]);
    expect(outcomes).toEqual(['done', 'done']);
    await expect.poll(async () => (await historyIds(opened.page)).length).toBe(kept.length + 2);
    await expect.poll(async () => (await historyIds(second)).sort()).toEqual((await historyIds(opened.page)).sort());
    kept = await historyIds(opened.page);
    await second.close();
    await opened.page.reload();
    await expect.poll(() => historyIds(opened.page)).toEqual(kept);
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('exports JSON Lines and re-importing it adds nothing; another browser imports it whole, once', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await expect.poll(() => historyIds(page)).toEqual(kept);
    exported = await exportHistory(page);
    const lines = exported.trim().split('\n');
    expect(lines).toHaveLength(kept.length);
    const entries = lines.map((l) => JSON.parse(l) as HistoryEntry);
    expect(entries.map((e) => e.id).sort()).toEqual([...kept].sort());
    expect(entries.every((e) => e.history_version === 1 && /^[0-9a-f]+$/.test(e.id))).toBe(true);

    await importText(page, 'drift-monitor-history.jsonl', exported);
    await page
      .locator('#history-message')
      .filter({ hasText: `0 runs added, ${kept.length} already kept` })
      .waitFor();
    expect(await historyIds(page)).toEqual(kept);
    await expectClean(opened);
    await opened.context.close();

    // A fresh browser (no user data dir): the import adds every run once, also as a JSON array.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const other = await recordDashboard(await browser.newContext({ acceptDownloads: true }), suite.url);
      await importText(other.page, 'history.json', JSON.stringify(entries.slice(0, 2)));
      await other.page.locator('#history-message').filter({ hasText: '2 runs added, 0 already kept' }).waitFor();
      await importText(other.page, 'history.jsonl', exported);
      await other.page
        .locator('#history-message')
        .filter({ hasText: `${kept.length - 2} runs added, 2 already kept` })
        .waitFor();
      expect((await historyIds(other.page)).sort()).toEqual([...kept].sort());
      expect(other.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('a hostile or invalid file is refused with one line and the stored runs stay', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await expect.poll(() => historyIds(page)).toEqual(kept);
    const first = JSON.parse(exported.split('\n')[0]) as Record<string, unknown>;
    const bad: [string, string][] = [
      ['garbage.jsonl', 'not json at all\n'],
      ['truncated.jsonl', exported.slice(0, Math.floor(exported.length / 2))],
      ['pollute.json', `[${JSON.stringify({ ...first, id: 'f00d' }).replace('{', '{"__proto__":{"polluted":true},')}]`],
      ['wrongtype.json', JSON.stringify([{ ...first, scores: '<img src=x onerror=alert(1)>' }])],
      ['object.json', '{"a":1}'],
    ];
    for (const [name, text] of bad) {
      await importText(page, name, text);
      const error = page.locator('#history-error');
      await error.waitFor();
      const line = (await error.innerText()).trim();
      expect(line.split('\n'), name).toHaveLength(1);
      expect(line, name).toContain(name);
      expect(await historyIds(page), name).toEqual(kept);
    }
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('a full disk refuses a run’s summary with one line and keeps the runs stored before', async () => {
    const opened = await suite.launch();
    const { page, context } = opened;
    await expect.poll(() => historyIds(page)).toEqual(kept);
    await choose(page, PRODUCTION);
    const cdp = await context.newCDPSession(page);
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin: suite.origin })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: suite.origin, quotaSize: usage + 256 });
    expect(await runAnalysis(page)).toBe('done');
    const error = page.locator('#history-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/storage is full.*Earlier entries are kept/);
    expect(await historyIds(page)).toEqual(kept);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: suite.origin });
    await opened.context.close();
  }, 180_000);
});

describe('History database upgrade', () => {
  it('opening the version-1 registry database adds the History store and keeps the model registry’s stores and data', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      // A page of the same origin that does not open the database itself: the app's 404 for an unknown path.
      await page.goto(new URL('no-such-page.txt', suite.url).href);
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('drift-monitor', 1);
            req.onupgradeneeded = () => {
              const db = req.result;
              db.createObjectStore('models', { keyPath: 'id' }).createIndex('created', 'created');
              db.createObjectStore('retrainEvents', { autoIncrement: true });
            };
            req.onsuccess = () => {
              const tx = req.result.transaction(['models', 'retrainEvents'], 'readwrite');
              tx.objectStore('models').put({
                id: 'abc',
                name: 'm.onnx',
                source: 'uploaded',
                created: '2026-01-01T00:00:00Z',
                size: 1,
                metadata: {},
                bytes: new Uint8Array([1]),
              });
              tx.oncomplete = () => {
                req.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
            req.onerror = () => reject(req.error);
          }),
      );
      const opened = await recordDashboard(context, suite.url);
      await choose(opened.page, PARTS[0]);
      expect(await runAnalysis(opened.page)).toBe('done');
      await expect.poll(() => historyIds(opened.page)).toHaveLength(1);
      const after = await opened.page.evaluate(
        () =>
          new Promise<{ version: number; stores: string[]; model: string | null }>((resolve, reject) => {
            const req = indexedDB.open('drift-monitor');
            req.onsuccess = () => {
              const db = req.result;
              const tx = db.transaction('models', 'readonly');
              const m = tx.objectStore('models').get('abc');
              tx.oncomplete = () =>
                resolve({
                  version: db.version,
                  stores: [...db.objectStoreNames],
                  model: (m.result as { name?: string } | undefined)?.name ?? null,
                });
            };
            req.onerror = () => reject(req.error);
          }),
      );
      expect(after.version).toBe(2);
      expect(after.stores.sort()).toEqual(['models', 'retrainEvents', 'runHistory']);
      expect(after.model).toBe('m.onnx');
    } finally {
      await browser.close();
    }
  }, 180_000);
});

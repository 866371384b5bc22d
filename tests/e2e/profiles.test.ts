/**
 * Reference profiles in the dashboard, end to end (built app, Debian's Chromium with a persistent user
 * data directory): a run on two CSVs, "Save reference profile" (a download, and an entry in the saved
 * list), a browser restart on the same profile directory, a run from the saved profile with only the
 * production CSV giving the CSV run's numbers, the downloaded file and a profile made by the CLI's
 * `profile` command working as the reference too, hostile names shown as text, a truncated profile
 * refused with one line, a full disk keeping what was stored, delete, and no request off the origin.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { offOrigin, type OpenedPage } from './helpers/browser.ts';
import { usePersistentDashboard } from './helpers/persistentBrowser.ts';
import { chooseFiles, downloadJsonReport, loadDemo, runAnalysis } from './helpers/dashboard.ts';
import type { Report } from '../../src/core/report/types.ts';
import { profileCommand } from '../../src/cli/profileCommand.ts';
import { mulberry32 } from '../../src/core/samples/mulberry32.ts';

const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
const HOSTILE_NAME = '<img src=y onerror=alert(2)> & "ref"';

const suite = usePersistentDashboard();

/** A seeded pair: a shifted float column, an integer column, a category with a new level, a hostile column name. */
function csvPair(): { reference: string; production: string } {
  const rnd = mulberry32(20240611);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const header = `amount,age,plan,"${HOSTILE_COLUMN.replace(/"/g, '""')}"\n`;
  const rows = (n: number, shift: number, plans: string[]) => {
    let out = header;
    for (let i = 0; i < n; i++) {
      const amount = (100 + 15 * normal() + shift).toFixed(3);
      const age = 20 + Math.floor(rnd() * 50) + (shift ? 2 : 0);
      const plan = plans[Math.floor(rnd() * plans.length)];
      const hostile = Math.floor(rnd() * 6);
      out += `${amount},${age},${plan},${i % 17 === 0 ? '' : hostile}\n`;
    }
    return out;
  };
  return { reference: rows(3000, 0, ['basic', 'pro', 'team']), production: rows(2500, 4, ['basic', 'pro', 'team', 'enterprise']) };
}

const pair = csvPair();
const DEMO_MODEL = new URL('../../public/demo/model.onnx', import.meta.url).pathname;
const REFERENCE = { name: 'reference.csv', text: pair.reference };
const PRODUCTION = { name: 'production.csv', text: pair.production };

/** What a run from a profile must reproduce: per feature every statistic, the verdict and the skipped columns. */
function results(r: Report) {
  return { features: r.features, summary: r.summary, skipped: r.skipped, data: r.data, warnings: r.warnings };
}

/** The saved-profiles entries as shown: one text line per entry (name, then the facts). */
async function savedNames(page: Page): Promise<string[]> {
  if ((await page.locator('#saved-profiles').count()) === 0) return [];
  return page.locator('#saved-profiles li .name').allInnerTexts();
}

async function chooseProduction(page: Page): Promise<void> {
  await page
    .getByLabel('Production CSV')
    .setInputFiles({ name: PRODUCTION.name, mimeType: 'text/csv', buffer: Buffer.from(PRODUCTION.text) });
  await page.getByTestId('production-file-name').filter({ hasText: PRODUCTION.name }).waitFor();
}

async function chooseReferenceBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByLabel('Reference CSV or profile').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

/** No dialog, no element made from a hostile name, no page error, no request off the origin. */
async function expectClean(opened: OpenedPage): Promise<void> {
  expect(opened.dialogs).toEqual([]);
  expect(await opened.page.locator('img[src="x"], img[src="y"]').count()).toBe(0);
  expect(opened.errors).toEqual([]);
  expect(offOrigin(opened.requests, suite.origin)).toEqual([]);
}

let csvReport: Report;
let downloaded: Buffer;

describe('reference profiles (built app, persistent Chromium profile)', () => {
  it('saves the reference profile after a CSV run: a .profile download and an entry in the saved list, the name shown as text', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await chooseFiles(page, REFERENCE, PRODUCTION);
    expect(await runAnalysis(page)).toBe('done');
    csvReport = await downloadJsonReport(page);
    expect(csvReport.features.length).toBe(4);

    await page.getByLabel('Profile name').fill(HOSTILE_NAME);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save reference profile' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.profile$/);
    expect(download.suggestedFilename()).not.toMatch(/[<>"/\\]/);
    downloaded = await readFile(await download.path());
    expect(downloaded.subarray(0, 8).toString('latin1')).toBe('DMPROFIL');
    await page.locator('#profile-saved').waitFor();
    await expect.poll(() => savedNames(page)).toEqual([HOSTILE_NAME]);
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('after a browser restart on the same user data dir, the saved profile plus only the production CSV gives the CSV run’s results', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await expect.poll(() => savedNames(page)).toEqual([HOSTILE_NAME]);
    await page.getByRole('button', { name: `Use ${HOSTILE_NAME} as the reference` }).click();
    await page.getByText(/Profile of reference\.csv: 3,000 rows, 4 columns/).waitFor();
    await chooseProduction(page);
    expect(await runAnalysis(page)).toBe('done');
    const fromProfile = await downloadJsonReport(page);
    expect(results(fromProfile)).toEqual(results(csvReport));
    // The hostile column name is a feature like any other, shown as text in the tables.
    expect(await page.locator('#missing-table tbody td:first-child', { hasText: HOSTILE_COLUMN }).count()).toBe(1);
    await expect.poll(() => page.locator('.js-plotly-plot').count()).toBeGreaterThan(1); // the explorer draws from the profiles
    await page.locator('#reference-profile-facts').waitFor();
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('the downloaded .profile file and a profile made by the CLI (drift-monitor profile) work as the reference too', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await chooseReferenceBytes(page, 'downloaded.profile', downloaded);
    await page.getByText(/Profile of reference\.csv: 3,000 rows/).waitFor();
    await chooseProduction(page);
    expect(await runAnalysis(page)).toBe('done');
    expect(results(await downloadJsonReport(page))).toEqual(results(csvReport));

    // The CLI's own command, in process: `drift-monitor profile reference.csv -o made-by-cli.profile`.
    const dir = await mkdtemp(join(tmpdir(), 'dm-cli-profile-'));
    await writeFile(join(dir, REFERENCE.name), REFERENCE.text);
    const out: string[] = [];
    await profileCommand(
      [join(dir, REFERENCE.name)],
      { out: join(dir, 'made-by-cli.profile') },
      { out: (t) => out.push(t), err: (t) => out.push(t) },
    );
    expect(out.join('')).toMatch(/^wrote .*made-by-cli\.profile: 3000 rows, 4 columns/);
    const cliMade = await readFile(join(dir, 'made-by-cli.profile'));
    // And the other way: the CLI reads the dashboard's profile, whose source hash is the CSV's.
    await writeFile(join(dir, 'from-dashboard.profile'), downloaded);
    await profileCommand([join(dir, 'from-dashboard.profile')], { show: true }, { out: (t) => out.push(t), err: (t) => out.push(t) });
    const sha256 = createHash('sha256').update(REFERENCE.text).digest('hex');
    expect(out.join('')).toContain(`sha256 ${sha256}, 3000 rows, 4 columns`);
    await rm(dir, { recursive: true, force: true });
    // Named without the extension: the dashboard tells a profile by its first bytes.
    await chooseReferenceBytes(page, 'made-by-cli', cliMade);
    await page.getByText(/Profile of reference\.csv: 3,000 rows/).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    expect(results(await downloadJsonReport(page))).toEqual(results(csvReport));
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('a production profile (made by the CLI) against the reference CSV gives the CSV run’s results, and the reference profile can still be saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dm-cli-profile-'));
    await writeFile(join(dir, PRODUCTION.name), PRODUCTION.text);
    const io = { out: () => undefined, err: () => undefined };
    await profileCommand([join(dir, PRODUCTION.name)], { out: join(dir, 'production.profile') }, io);
    const productionProfile = await readFile(join(dir, 'production.profile'));
    await rm(dir, { recursive: true, force: true });

    const opened = await suite.launch();
    const { page } = opened;
    await page
      .getByLabel('Reference CSV or profile')
      .setInputFiles({ name: REFERENCE.name, mimeType: 'text/csv', buffer: Buffer.from(REFERENCE.text) });
    await page
      .getByLabel('Production CSV')
      .setInputFiles({ name: 'production.profile', mimeType: 'application/octet-stream', buffer: productionProfile });
    await page.getByText(/Profile of production\.csv: 2,500 rows/).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    expect(results(await downloadJsonReport(page))).toEqual(results(csvReport));
    await page.locator('#production-profile-facts').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save reference profile' }).click(),
    ]);
    const saved = await readFile(await download.path());
    expect(saved.subarray(0, 8).toString('latin1')).toBe('DMPROFIL');
    await page.locator('#profile-saved').waitFor();
    // The saved profile records the reference CSV's hash, like the one saved after the CSV run.
    const sha256 = createHash('sha256').update(REFERENCE.text).digest('hex');
    await expect
      .poll(() =>
        page
          .locator('#saved-profiles li')
          .filter({ hasText: sha256.slice(0, 12) })
          .count(),
      )
      .toBe(2);
    await page.getByRole('button', { name: 'Delete reference', exact: true }).click();
    await expect.poll(() => savedNames(page)).toEqual([HOSTILE_NAME]);
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('a truncated .profile shows one alert line and the next run works', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await chooseReferenceBytes(page, 'broken.profile', downloaded.subarray(0, Math.floor(downloaded.length / 2)));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.count()).toBe(1);
    const text = (await alert.innerText()).trim();
    expect(text).toContain('broken.profile');
    expect(text.split('\n')).toHaveLength(1);
    await chooseReferenceBytes(page, 'downloaded.profile', downloaded);
    await chooseProduction(page);
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('a full disk (storage quota) refuses a save with one line and keeps the profile stored before; delete removes it for good', async () => {
    const opened = await suite.launch();
    const { page, context } = opened;
    await expect.poll(() => savedNames(page)).toEqual([HOSTILE_NAME]);
    // A full disk: a quota below what the origin already uses, set before the run. (Chromium's IndexedDB
    // keeps a bucket's space left for a while after a write, and the run writes its History entry; a quota
    // lowered after that write is not enforced at once.)
    const cdp = await context.newCDPSession(page);
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin: suite.origin })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: suite.origin, quotaSize: Math.floor(usage / 2) });
    await chooseFiles(page, REFERENCE, PRODUCTION);
    expect(await runAnalysis(page)).toBe('done');
    await page.getByLabel('Profile name').fill('second');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save reference profile' }).click()]);
    const error = page.locator('#profile-save-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/storage is full.*Earlier entries are kept/);
    expect((await error.innerText()).split('\n')).toHaveLength(1);
    expect(await savedNames(page)).toEqual([HOSTILE_NAME]);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin: suite.origin });
    await page.getByRole('button', { name: 'Save reference profile' }).click();
    await page.locator('#profile-saved').waitFor();
    await expect.poll(async () => (await savedNames(page)).sort()).toEqual([HOSTILE_NAME, 'second'].sort());

    await page.getByRole('button', { name: `Delete ${HOSTILE_NAME}` }).click();
    await expect.poll(() => savedNames(page)).toEqual(['second']);
    await page.reload();
    await expect.poll(() => savedNames(page)).toEqual(['second']);
    await page.getByRole('button', { name: 'Delete second' }).click();
    await expect.poll(() => savedNames(page)).toEqual([]);
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('a sketched profile marks its approximate features with their bound (tables, explorer, report)', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await page.getByLabel('Config (YAML)').setInputFiles({
      name: 'small-exact.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('profile:\n  max_exact_values: 100\n'),
    });
    await chooseFiles(page, REFERENCE, PRODUCTION);
    expect(await runAnalysis(page)).toBe('done');
    await page.getByLabel('Profile name').fill('sketched');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save reference profile' }).click()]);
    await expect.poll(() => savedNames(page)).toEqual(['sketched']);

    await page.getByRole('button', { name: 'Use sketched as the reference' }).click();
    await page.getByText(/Profile of reference\.csv: 3,000 rows/).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    // amount has 3000 distinct values (> 100): sketched, so its KS result is approximate, with the bound.
    const amountKs = page.locator('#ks-table tbody tr', { hasText: 'amount' });
    await expect.poll(() => amountKs.innerText()).toMatch(/≈ approximate \(sketch\): D ±0\.0\d+/);
    await page.getByLabel('Feature', { exact: true }).selectOption('amount');
    await page.getByTestId('explorer-approximate').waitFor();
    const report = await downloadJsonReport(page);
    expect(report.features.find((f) => f.name === 'amount')?.approximate?.ks_statistic_bound).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Delete sketched' }).click();
    await expect.poll(() => savedNames(page)).toEqual([]);
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);

  it('a model against a reference profile scores production only (its F1 as in the CSV run, no baseline); retraining says why it cannot run; a production profile leaves the model out', async () => {
    const opened = await suite.launch();
    const { page } = opened;
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    const csv = await downloadJsonReport(page);
    expect(csv.performance?.baseline).not.toBeNull();
    await page.getByLabel('Profile name').fill('demo');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save reference profile' }).click()]);
    await expect.poll(() => savedNames(page)).toEqual(['demo']);

    await page.getByRole('button', { name: 'Use demo as the reference' }).click();
    await page.getByText(/Profile of reference\.csv: 5,000 rows/).waitFor();
    await page.getByLabel('Model (ONNX)').setInputFiles(DEMO_MODEL);
    await page.getByTestId('model-file-name').filter({ hasText: 'model.onnx' }).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    const fromProfile = await downloadJsonReport(page);
    expect(fromProfile.performance?.baseline).toBeNull();
    expect(fromProfile.performance?.production).toEqual(csv.performance?.production);
    expect(fromProfile.features).toEqual(csv.features);
    expect(await page.getByTestId('performance-note').innerText()).toMatch(/^No baseline: the reference reference\.csv is a profile/);
    expect(await page.locator('#retrain-why').innerText()).toMatch(/compared a profile .*need both CSV files/);
    expect(await page.locator('#retrain-now').isDisabled()).toBe(true);

    // The other way round: the demo reference CSV against a profile of the demo production file.
    const dir = await mkdtemp(join(tmpdir(), 'dm-cli-profile-'));
    await writeFile(join(dir, 'production.csv'), await readFile(new URL('../../public/demo/production.csv', import.meta.url)));
    await profileCommand(
      [join(dir, 'production.csv')],
      { out: join(dir, 'production.profile') },
      { out: () => undefined, err: () => undefined },
    );
    const productionProfile = await readFile(join(dir, 'production.profile'));
    await rm(dir, { recursive: true, force: true });
    await page.getByLabel('Reference CSV or profile').setInputFiles(new URL('../../public/demo/reference.csv', import.meta.url).pathname);
    await page
      .getByLabel('Production CSV')
      .setInputFiles({ name: 'production.profile', mimeType: 'application/octet-stream', buffer: productionProfile });
    await page.getByLabel('Model (ONNX)').setInputFiles(DEMO_MODEL);
    await page.getByText(/Profile of production\.csv: 5,000 rows/).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.locator('#model-skipped').innerText()).toMatch(/model was not scored/);
    const prodProfileReport = await downloadJsonReport(page);
    expect(prodProfileReport.performance).toBeNull();
    expect(prodProfileReport.features.map((f) => [f.name, f.drift_score])).toEqual(csv.features.map((f) => [f.name, f.drift_score]));

    await page.getByRole('button', { name: 'Delete demo' }).click();
    await expect.poll(() => savedNames(page)).toEqual([]);
    await expectClean(opened);
    await opened.context.close();
  }, 180_000);
});

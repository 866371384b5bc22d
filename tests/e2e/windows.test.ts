/**
 * The dashboard's windows view, end to end (built app, Debian's Chromium): the committed seeded pair
 * with a timestamp column (tests/fixtures/windowsui, scripts/make-windows-fixture.mjs) split by day
 * through the Windows controls, the report's windows equal to the CLI's for the same files and config,
 * the heatmap (values on hover) and its table view showing the same numbers, the first drifting
 * window named, too-small windows marked, hostile names shown as text, several production files as
 * one window each, and nothing leaving the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Report } from '../../src/core/report/types.ts';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';
import { offOrigin, useDashboard, type OpenedPage } from './helpers/browser.ts';
import { comparableReport, expectAgreement } from './helpers/comparableReport.ts';
import { downloadJsonReport, runAnalysis } from './helpers/dashboard.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/windowsui');
const REFERENCE = join(FIXTURE, 'reference.csv');
const PRODUCTION = join(FIXTURE, 'production.csv');
const PARTS = [1, 2, 3].map((i) => join(FIXTURE, `production_part${i}.csv`));
const HOSTILE = '<img src=x onerror=alert(1)>';

const suite = useDashboard();
const dir = tempDir('dm-windows-e2e-');

/** The CLI's report for `args` with a config of `yaml`. */
function cliReport(args: string[], yaml: string): Report {
  const name = `r${Math.random().toString(36).slice(2)}`;
  const config = join(dir, `${name}.yaml`);
  writeFileSync(config, yaml);
  const out = join(dir, `${name}.json`);
  const r = runCli([...args, '-c', config, '-o', out, '-s', join(dir, `${name}.csv`)]);
  if (r.code !== 0 && r.code !== 3) throw new Error(r.stderr);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

// The timestamp column is dropped as a feature; the windows still read it.
const DAY_CONFIG = 'data:\n  label_column: label\ncolumns:\n  drop: [ts]\nwindows:\n  column: ts\n  every: day\n  min_rows: 50\n';

async function chooseInputs(page: Page, production: string | string[]): Promise<void> {
  await page.getByLabel('Reference CSV or profile').setInputFiles(REFERENCE);
  await page.getByLabel('Production CSV').setInputFiles(production);
  // Several files show the first in name order.
  const first = (Array.isArray(production) ? [...production].sort()[0] : production).split('/').pop()!;
  await page.getByTestId('production-file-name').filter({ hasText: first }).waitFor();
}

/** No dialog, no element made from a hostile name, no page error, no request off the origin. */
async function expectClean(opened: OpenedPage): Promise<void> {
  expect(opened.dialogs).toEqual([]);
  expect(await opened.page.locator('img[src="x"]').count()).toBe(0);
  expect(opened.errors).toEqual([]);
  expect(offOrigin(opened.requests, suite.app.origin)).toEqual([]);
}

let dayReport: Report;

describe('windows view (built app, Chromium)', () => {
  it('splits production by day from the Windows controls; report.windows and report.windowing equal the CLI’s', async () => {
    const opened = await suite.open();
    const { page } = opened;
    await chooseInputs(page, PRODUCTION);
    await page.getByLabel('Label column').selectOption('label');
    await page.getByText(/^Column types and drops/).click();
    await page.getByLabel('Drop ts').check();
    await page.getByText('Windows (monitoring over time)').click();
    await page.getByLabel(/^Period/).selectOption('day');
    await page.getByLabel(/^Timestamp column/).selectOption('ts');
    await page.getByLabel(/^Minimum rows/).fill('50');
    await page.getByLabel(/^Minimum rows/).press('Tab');
    expect(await runAnalysis(page)).toBe('done');
    dayReport = await downloadJsonReport(page);
    const cli = cliReport(['-r', REFERENCE, '-p', PRODUCTION], DAY_CONFIG);
    expect(dayReport.windows?.map((w) => w.label)).toEqual(cli.windows?.map((w) => w.label));
    expect(dayReport.windows).toHaveLength(8);
    expectAgreement('windows', comparableReport(dayReport).windows, comparableReport(cli, [REFERENCE, PRODUCTION]).windows);
    expectAgreement('windowing', dayReport.windowing, cli.windowing);
    expectAgreement('whole report', comparableReport(dayReport), comparableReport(cli, [REFERENCE, PRODUCTION]));

    // The first drifting window is named, the 12-row day is marked, the two rows without a date are counted.
    const message = page.getByTestId('windows-message');
    expect(await message.innerText()).toBe(dayReport.windowing!.message);
    const first = dayReport.windows!.find((w) => w.overall_drift)!;
    expect(dayReport.windowing!.message).toBe(`drift since ${first.label}`);
    // The shift from 2024-03-05 on: every later window drifts, with amount flagged.
    for (const w of dayReport.windows!.slice(4)) {
      expect(w.overall_drift, w.label).toBe(true);
      expect(w.features.find((f) => f.name === 'amount')?.drifted, w.label).toBe(true);
    }
    expect(dayReport.label_drift?.column).toBe('label');
    await page.locator('#label-drift-verdict').waitFor();
    expect(dayReport.windows!.find((w) => w.label === '2024-03-03')?.too_small).toBe(true);
    expect(dayReport.windowing!.timestamps.missing + dayReport.windowing!.timestamps.unparsable).toBe(2);
    expect(await page.locator('#windows-facts').innerText()).toContain('in no window');
    await expectClean(opened);
  }, 180_000);

  it('draws the heatmap (values on hover) and the table view lists the same numbers; the config file fills the controls', async () => {
    const opened = await suite.open();
    const { page } = opened;
    await page.getByLabel('Config (YAML)').setInputFiles({ name: 'windows.yaml', mimeType: 'text/yaml', buffer: Buffer.from(DAY_CONFIG) });
    await chooseInputs(page, PRODUCTION);
    // The config's windows keys fill the controls (the column's option exists once the files' header is
    // read, which a loaded machine may finish after the inputs are chosen).
    await expect.poll(() => page.getByLabel(/^Period/).inputValue()).toBe('day');
    await expect.poll(() => page.getByLabel(/^Timestamp column/).inputValue()).toBe('ts');
    expect(await runAnalysis(page)).toBe('done');
    const report = await downloadJsonReport(page);
    expect(comparableReport(report).windows).toEqual(comparableReport(dayReport).windows);

    // The heatmap: one canvas; hovering a cell names its feature, window, score and status as text.
    const features = report.windows![0].features.map((f) => f.name);
    const canvas = page.locator('[data-testid="windows-trend"] [data-testid="heatmap"] canvas');
    await canvas.scrollIntoViewIfNeeded();
    for (const [w, f] of [
      [5, features.indexOf('amount')],
      [2, features.indexOf(HOSTILE)],
    ]) {
      const feature = report.windows![w].features[f];
      const expected = `${feature.name} · ${report.windows![w].label}: drift score ${feature.drift_score!.toFixed(3)} (${feature.drifted ? 'drifted' : 'ok'}`;
      // The charts around the heatmap draw as they come into view and may resize it after it first
      // shows: the cell's position is taken from the canvas's box at each try.
      await expect
        .poll(async () => {
          const box = (await canvas.boundingBox())!;
          const position = { x: (w + 0.5) * (box.width / report.windows!.length), y: (f + 0.5) * (box.height / features.length) };
          await canvas.hover({ position });
          return page.getByRole('tooltip').innerText();
        })
        .toContain(expected);
    }
    await page.getByRole('button', { name: 'Table' }).first().click();
    const table = page.locator('#windows-scores-table');
    await table.waitFor();
    const header = await table.locator('thead th').allInnerTexts();
    expect(header.slice(3)).toEqual(features);
    expect(header).toContain(HOSTILE);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
    const expected = report.windows!.map((w) => [
      w.label,
      String(w.rows),
      w.too_small ? 'too small' : w.overall_drift ? 'drift' : 'no drift',
      ...features.map((name) => {
        const f = w.features.find((x) => x.name === name)!;
        return `${f.drift_score === null ? '–' : f.drift_score.toFixed(3)}${f.drifted ? ' ×' : ''}`;
      }),
    ]);
    expect(rows).toEqual(expected);

    // A threshold edit re-decides every window (in the analysis worker): with the drifted-share and PSI
    // thresholds at their maximum no window drifts any more, in the table and in the JSON report.
    expect(report.windows!.some((w) => w.overall_drift)).toBe(true);
    await page.getByLabel('Drifted share threshold', { exact: true }).fill('1');
    await page.getByLabel('PSI threshold', { exact: true }).fill('1000');
    await expect
      .poll(async () => (await downloadJsonReport(page)).windows?.map((w) => w.overall_drift))
      .toEqual(report.windows!.map(() => false));
    await expect
      .poll(() => table.locator('tbody tr td:nth-child(3)').allInnerTexts())
      .toEqual(report.windows!.map((w) => (w.too_small ? 'too small' : 'no drift')));
    await expectClean(opened);
  }, 180_000);

  it('several production files chosen together are one window each, in name order, as the CLI gives them', async () => {
    const opened = await suite.open();
    const { page } = opened;
    await chooseInputs(page, [PARTS[2], PARTS[0], PARTS[1]]);
    await page
      .getByText(/3 production files, one window each: production_part1\.csv, production_part2\.csv, production_part3\.csv/)
      .waitFor();
    await page.getByLabel('Label column').selectOption('label');
    expect(await runAnalysis(page)).toBe('done');
    const report = await downloadJsonReport(page);
    expect(report.windows?.map((w) => w.label)).toEqual(['production_part1.csv', 'production_part2.csv', 'production_part3.csv']);
    expect(report.windows?.map((w) => w.source)).toEqual(['file', 'file', 'file']);
    const cli = cliReport(['-r', REFERENCE, ...PARTS.flatMap((p) => ['-p', p])], 'data:\n  label_column: label\n');
    expectAgreement('file windows', comparableReport(report).windows, comparableReport(cli, [REFERENCE, ...PARTS]).windows);
    await page.locator('[data-testid="windows-trend"] [data-testid="heatmap"] canvas').waitFor();
    await expectClean(opened);
  }, 180_000);
});

describe('windows view with prediction columns (built app, Chromium)', () => {
  it('gives each window the performance the CLI gives it, and draws the performance chart', async () => {
    let a = 11;
    const r = () => {
      a = (a * 16807) % 2147483647;
      return a / 2147483647;
    };
    const line = (shift: number) => {
      const p = Math.min(0.99, Math.max(0.01, r() * 0.6 + shift * 0.35));
      return `${(r() + shift).toFixed(3)},${p.toFixed(3)},${p >= 0.5 ? 'yes' : 'no'},${r() < p ? 'yes' : 'no'}`;
    };
    const ref = join(dir, 'pref.csv');
    const prod = join(dir, 'pprod.csv');
    writeFileSync(ref, ['x,proba,pred,churn', ...Array.from({ length: 1000 }, () => line(0))].join('\n') + '\n');
    writeFileSync(prod, ['x,proba,pred,churn', ...Array.from({ length: 600 }, (_, i) => line(i < 300 ? 0 : 1))].join('\n') + '\n');
    const yaml =
      'data:\n  label_column: churn\n  prediction_column: pred\n  probability_column: proba\ncolumns:\n  drop: [proba, pred]\nwindows:\n  every: 200\n';
    const opened = await suite.open();
    const { page } = opened;
    await page.getByLabel('Config (YAML)').setInputFiles({ name: 'pred.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await page.getByLabel('Reference CSV or profile').setInputFiles(ref);
    await page.getByLabel('Production CSV').setInputFiles(prod);
    await page.getByTestId('production-file-name').filter({ hasText: 'pprod.csv' }).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    const report = await downloadJsonReport(page);
    const cli = cliReport(['-r', ref, '-p', prod], yaml);
    expect(cli.windows!.map((w) => w.performance?.estimated)).toEqual([false, false, false]);
    expect(report.windows!.map((w) => w.performance)).toEqual(cli.windows!.map((w) => w.performance));
    expect(report.performance?.production?.f1).toBe(cli.performance!.production!.f1);
    await page
      .locator('[data-testid="windows-trend"]')
      .getByText(/^Performance per/)
      .waitFor();
    await expectClean(opened);
  }, 180_000);
});

describe('windows view with an ONNX model (built app, real onnxruntime-web in Chromium)', () => {
  it("scores production with the model: report.windows (performance, prediction drift) equal the CLI's --model report", async () => {
    const fix = join(ROOT, 'tests/fixtures/onnx');
    const ref = join(fix, 'reference.csv');
    const prod = join(fix, 'production.csv');
    const model = join(fix, 'forest.onnx');
    const yaml = 'data:\n  label_column: y\nmodel:\n  features: [x0, x1, x2, x3]\nwindows:\n  every: 50\n';
    const opened = await suite.open();
    const { page } = opened;
    await page.getByLabel('Config (YAML)').setInputFiles({ name: 'model.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await page.getByLabel('Reference CSV or profile').setInputFiles(ref);
    await page.getByLabel('Production CSV').setInputFiles(prod);
    await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
    await page.getByLabel('Model (ONNX)').setInputFiles(model);
    expect(await runAnalysis(page)).toBe('done');
    const report = await downloadJsonReport(page);
    const cli = cliReport(['-r', ref, '-p', prod, '--model', model], yaml);
    expect(cli.windows!.map((w) => w.prediction_drift.map((f) => f.name))).toEqual(
      Array(4).fill(['prediction:probability', 'prediction:class']),
    );
    expect(cli.windows!.every((w) => w.performance !== null && !w.performance.estimated)).toBe(true);
    expectAgreement('windows', comparableReport(report).windows, comparableReport(cli, [ref, prod]).windows);
    // Metrics are exact; the tests' p-values may differ in the last bit between Node and Chromium (compared above within rounding).
    expect(report.windows!.map((w) => w.performance)).toEqual(cli.windows!.map((w) => w.performance));
    expect(report.windows!.map((w) => w.prediction_drift.map((f) => [f.name, f.drift_score, f.drifted]))).toEqual(
      cli.windows!.map((w) => w.prediction_drift.map((f) => [f.name, f.drift_score, f.drifted])),
    );
    expectAgreement('performance', report.performance, cli.performance);
    await page
      .locator('[data-testid="windows-trend"]')
      .getByText(/^Performance per/)
      .waitFor();
    await expectClean(opened);
  }, 180_000);
});

describe('windows by a timestamp column of a Parquet file (built app, Chromium)', () => {
  it('cuts the windows the CLI cuts from the same rows as a CSV (a UTC-adjusted TIMESTAMP column, in Europe/Berlin)', async () => {
    const fix = join(ROOT, 'tests/fixtures/parquet/windows');
    const ref = join(fix, 'reference.csv');
    const yaml =
      'data:\n  label_column: churn\ncolumns:\n  drop: [ts_utc, ts_local, ts_text, day]\nwindows:\n  column: ts_utc\n  every: day\n  timezone: Europe/Berlin\n  min_rows: 20\n';
    const opened = await suite.open();
    const { page } = opened;
    await page.getByLabel('Config (YAML)').setInputFiles({ name: 'pq.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await page.getByLabel('Reference CSV or profile').setInputFiles(ref);
    await page.getByLabel('Production CSV').setInputFiles(join(fix, 'production.parquet'));
    await page.getByTestId('production-file-name').filter({ hasText: 'production.parquet' }).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    const report = await downloadJsonReport(page);
    const cli = cliReport(['-r', ref, '-p', join(fix, 'production.csv')], yaml);
    expect(cli.windows!.length).toBeGreaterThanOrEqual(4);
    expect(report.windows!.map((w) => [w.label, w.rows])).toEqual(cli.windows!.map((w) => [w.label, w.rows]));
    expectAgreement('windows', report.windows, cli.windows);
    expect(report.windowing!.timestamps).toEqual(cli.windowing!.timestamps);
    await expectClean(opened);
  }, 180_000);
});

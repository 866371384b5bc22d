/**
 * Parquet files in the dashboard (built app, Debian's Chromium): dropped through the labelled file
 * inputs, read in the parse workers by ranges of the File (hyparquet), against the CLI's report for the
 * same files; a Parquet production streamed into a profile against a reference profile; the nested
 * columns of a Parquet file listed as skipped; a damaged Parquet file as one alert, the page still working.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { runCli, tempDir } from '../cli/runCli.ts';
import { offOrigin, openDashboard, useDashboard } from './helpers/browser.ts';
import { comparableReport, expectAgreement } from './helpers/comparableReport.ts';
import { bannerText, chooseFiles, downloadJsonReport, runAnalysis, tableNames } from './helpers/dashboard.ts';

const PARQUET = fileURLToPath(new URL('../fixtures/parquet/', import.meta.url));
const dir = tempDir('dm-e2e-parquet-');
const suite = useDashboard();

function cliReport(args: string[], name: string): Report {
  const out = join(dir, `${name}.json`);
  const r = runCli([...args, '-o', out, '-s', join(dir, `${name}.csv`)]);
  if (r.code !== 0 && r.code !== 3) throw new Error(r.stderr);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

describe('Parquet files in the dashboard', () => {
  it('gives the CLI’s report for a Parquet pair, the columns read from the Parquet schema', async () => {
    const ref = join(PARQUET, 'real/bank/reference.parquet');
    const prod = join(PARQUET, 'real/bank/production.duckdb.parquet');
    const cli = cliReport(['-r', ref, '-p', prod, '-l', 'y'], 'bank');
    const { page, requests, dialogs, context } = await openDashboard(suite.app);
    try {
      await chooseFiles(page, { name: 'reference.parquet', path: ref }, { name: 'production.duckdb.parquet', path: prod });
      // The label list comes from the reference's Parquet footer.
      await page.getByLabel('Label column').selectOption('y');
      expect(await runAnalysis(page)).toBe('done');
      expect(await bannerText(page)).toContain(cli.summary.overall_drift ? 'Drift detected' : 'No drift detected');
      const report = await downloadJsonReport(page);
      expectAgreement('bank parquet report', comparableReport(report), comparableReport(cli, [ref, prod]));
      expect(offOrigin(requests, suite.app.origin)).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('streams a Parquet production into a profile against a reference profile, as the CLI does', async () => {
    const refCsv = fileURLToPath(new URL('../fixtures/real/adult/reference.csv', import.meta.url));
    const profile = join(dir, 'adult.profile');
    const made = runCli(['profile', refCsv, '-o', profile, '--label', 'income']);
    if (made.code !== 0) throw new Error(made.stderr);
    const prod = join(PARQUET, 'real/adult/production.parquet');
    const cli = cliReport(['-r', profile, '-p', prod, '-l', 'income'], 'adult');
    const { page, context } = await openDashboard(suite.app);
    try {
      await chooseFiles(page, { name: 'adult.profile', path: profile }, { name: 'production.parquet', path: prod });
      await page.getByLabel('Label column').selectOption('income');
      expect(await runAnalysis(page)).toBe('done');
      const report = await downloadJsonReport(page);
      expectAgreement('adult profile vs parquet', comparableReport(report), comparableReport(cli, [profile, prod]));
    } finally {
      await context.close();
    }
  }, 180_000);

  it('lists the nested columns of a Parquet file as skipped and shows hostile names as text', async () => {
    const ref = join(PARQUET, 'types_zstd.parquet');
    const prod = join(PARQUET, 'types_brotli.parquet');
    const cli = cliReport(['-r', ref, '-p', prod, '-l', 'label'], 'types');
    const { page, dialogs, context } = await openDashboard(suite.app);
    try {
      await chooseFiles(page, { name: 'types_zstd.parquet', path: ref }, { name: 'types_brotli.parquet', path: prod });
      await page.getByLabel('Label column').selectOption('label');
      expect(await runAnalysis(page)).toBe('done');
      const skipped = await tableNames(page, 'skipped-table');
      expect(skipped).toEqual(expect.arrayContaining(['tags', 'point', 'attrs']));
      expect(await tableNames(page, 'chi2-table')).toContain('<img src=x onerror=alert(1)>');
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      const report = await downloadJsonReport(page);
      expectAgreement('types report', comparableReport(report), comparableReport(cli, [ref, prod]));
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('shows a damaged Parquet file as one alert naming it, and a following run still works', async () => {
    const good = readFileSync(join(PARQUET, 'types_snappy.parquet'));
    const { page, dialogs, context } = await openDashboard(suite.app);
    try {
      const truncated = good.subarray(0, good.length - 40);
      await page.getByLabel('Reference CSV').setInputFiles({ name: 'ref.parquet', mimeType: 'application/octet-stream', buffer: good });
      await page
        .getByLabel('Production CSV')
        .setInputFiles({ name: 'cut.parquet', mimeType: 'application/octet-stream', buffer: truncated });
      await page.getByTestId('production-file-name').filter({ hasText: 'cut.parquet' }).waitFor();
      expect(await runAnalysis(page)).toBe('error');
      const alerts = page.getByRole('alert');
      expect(await alerts.count()).toBe(1);
      const alert = (await alerts.innerText()).trim();
      expect(alert).toContain('cut.parquet is not a complete Parquet file');
      expect(alert.split('\n')).toHaveLength(1);

      await page.getByLabel('Production CSV').setInputFiles({ name: 'prod.parquet', mimeType: 'application/octet-stream', buffer: good });
      await page.getByTestId('production-file-name').filter({ hasText: 'prod.parquet' }).waitFor();
      expect(await runAnalysis(page)).toBe('done');
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await bannerText(page)).toMatch(/\bDrift detected|No drift detected/);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

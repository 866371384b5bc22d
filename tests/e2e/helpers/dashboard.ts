/**
 * Page actions on the dashboard, shared by the e2e tests: load inputs, run, read the verdict, download.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Report } from '../../../src/core/report/types.ts';

export interface CsvUpload {
  name: string;
  /** File contents, or a path on disk. */
  text?: string;
  path?: string;
  /** Raw file contents (binary or non-UTF-8 files). */
  bytes?: Buffer;
}

const RESULT_TIMEOUT = 60_000;

function toInput(f: CsvUpload) {
  if (f.path) return f.path;
  return { name: f.name, mimeType: 'text/csv', buffer: f.bytes ?? Buffer.from(f.text ?? '') };
}

/** Sets the two CSV inputs through their labelled file pickers (as a user would). */
export async function chooseFiles(page: Page, reference: CsvUpload, production: CsvUpload): Promise<void> {
  await page.getByLabel('Reference CSV').setInputFiles(toInput(reference));
  await page.getByLabel('Production CSV').setInputFiles(toInput(production));
  await page.getByTestId('production-file-name').filter({ hasText: production.name }).waitFor();
}

export async function loadDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByTestId('reference-file-name').filter({ hasText: 'reference.csv' }).waitFor();
  await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
}

/** The run id shown on the results element (it increments once per finished run). */
export async function runId(page: Page): Promise<number> {
  return Number(await page.locator('main.results').getAttribute('data-run-id'));
}

/** Clicks "Run analysis" and waits until a new run has finished (results shown) or an error shows. */
export async function runAnalysis(page: Page): Promise<'done' | 'error'> {
  const before = await runId(page);
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const done = page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before, {
    timeout: RESULT_TIMEOUT,
  });
  const failed = page.getByRole('alert').waitFor({ timeout: RESULT_TIMEOUT });
  const outcome = await Promise.race([done.then(() => 'done' as const), failed.then(() => 'error' as const)]);
  if (outcome === 'done') {
    // The work that follows a run (model registration, retraining readiness, auto retrain) talks to the
    // worker too: wait for it, so tests that count worker messages start from a quiet page.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-settled-run]')?.getAttribute('data-settled-run') ===
        document.querySelector('main.results')?.getAttribute('data-run-id'),
      undefined,
      { timeout: RESULT_TIMEOUT },
    );
  }
  return outcome;
}

/** The verdict banner's text (a live region with role="status"; the out-of-date notice is another). */
export async function bannerText(page: Page): Promise<string> {
  return (await page.getByTestId('verdict-banner').innerText()).trim();
}

/** Clicks "Download JSON report" and returns the downloaded file, parsed. */
export async function downloadJsonReport(page: Page): Promise<Report> {
  return JSON.parse(await downloadText(page, 'Download JSON report')) as Report;
}

/** Clicks "Download CSV scores" and returns the downloaded text. */
export async function downloadScoresCsv(page: Page): Promise<string> {
  return downloadText(page, 'Download CSV scores');
}

async function downloadText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Fills a threshold field by its label (e.g. "PSI threshold"). */
export async function setThreshold(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** Names in the first column of a results table (e.g. '#ks-table'), as shown. */
export async function tableNames(page: Page, tableId: string): Promise<string[]> {
  return page.locator(`#${tableId} tbody tr td:first-child`).allInnerTexts();
}

import { expect } from 'vitest';
import type { Report } from '../../../src/core/report/types.ts';
import { compareClose, compareCsvClose, REL_TOL, type Comparison } from '../../helpers/numbersClose.ts';

/**
 * A report as the page and the CLI can both produce it: without `generated_at`, and with the CLI's
 * absolute `paths` replaced everywhere by their file names (what the page sees of an upload).
 */
export function comparableReport(r: Report, paths: readonly string[] = []): Omit<Report, 'generated_at'> {
  let text = JSON.stringify(r);
  for (const p of paths) text = text.replaceAll(JSON.stringify(p).slice(1, -1), p.split('/').pop()!);
  const { generated_at: _, ...rest } = JSON.parse(text) as Report;
  return rest;
}

function logAgreement(label: string, c: Comparison): void {
  console.info(
    `${label}: max relative difference browser vs CLI ${c.maxRelative.toExponential(2)} over ${c.numbers} numbers (tolerance ${REL_TOL})`,
  );
}

/**
 * The browser's value equals the CLI's: every key, string, boolean, null and integer exactly, every other
 * number within tests/helpers/numbersClose.ts's relative tolerance. Logs the largest relative difference.
 */
export function expectAgreement(label: string, browser: unknown, cli: unknown): Comparison {
  const c = compareClose(browser, cli);
  expect(c.differences, label).toEqual([]);
  logAgreement(label, c);
  return c;
}

/** The same for two scores CSVs (cells that are numbers in both compared with the tolerance). */
export function expectCsvAgreement(label: string, browser: string, cli: string): Comparison {
  const c = compareCsvClose(browser, cli);
  expect(c.differences, label).toEqual([]);
  logAgreement(label, c);
  return c;
}

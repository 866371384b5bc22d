/**
 * Real-world CSV files through the built CLI: encodings other than UTF-8, line endings that change
 * part-way, files that are not CSV at all, and European (Excel) number formats.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';

const dir = tempDir('dm-realcsv-');
const fixture = (name: string) => join(ROOT, 'tests/fixtures/csv', name);

/** Runs the CLI on a pair and returns its exit code, stderr and the JSON report. */
function run(reference: string, production: string, ...extra: string[]) {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const r = runCli(['-r', reference, '-p', production, '-o', out, ...extra]);
  const report = r.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as Report) : null;
  return { ...r, report };
}

function expectOneLineError(r: { code: number; stderr: string }, line: string) {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual([line]);
}

describe('drift-monitor on real-world CSV files', () => {
  it('reads a Windows-1252 reference against a UTF-8 production file: "Köln" is one category, no drift, a warning names the file', () => {
    const r = run(fixture('cities_1252.csv'), fixture('cities_utf8.csv'));
    expect(r.code, r.stderr).toBe(0);
    const report = r.report!;
    expect(report.summary.overall_drift).toBe(false);
    const city = report.features.find((f) => f.name === 'city')!;
    expect(city.type).toBe('categorical');
    expect(city.categories_only_in_production).toEqual([]);
    expect(city.categories_only_in_reference).toEqual([]);
    expect(report.warnings).toContain(
      `${fixture('cities_1252.csv')} is not valid UTF-8 (first bad byte at offset 20); read as Windows-1252. Set data.encoding to override.`,
    );
    expect(r.stdout).toContain('cities_1252.csv is not valid UTF-8');
  });

  it('reads UTF-16LE (BOM, CRLF) and a file whose line endings change from CRLF to LF part-way', () => {
    const r = run(fixture('cities_utf16le.csv'), fixture('cities_crlf_lf.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.summary.overall_drift).toBe(false);
    expect(r.report!.features.map((f) => [f.name, f.type])).toEqual([
      ['city', 'categorical'],
      ['amount', 'numerical'],
      ['visits', 'numerical'],
    ]);
    expect(r.report!.warnings).toEqual([]);
  });

  it('an Excel workbook, gzip data or a PDF is "not a CSV file", in one line', () => {
    expectOneLineError(
      run(fixture('not_csv.xlsx'), fixture('cities_utf8.csv')),
      `error: ${fixture('not_csv.xlsx')} is not a CSV file (looks like an Excel workbook); export it as CSV`,
    );
    expectOneLineError(
      run(fixture('cities_utf8.csv'), fixture('not_csv.csv.gz')),
      `error: ${fixture('not_csv.csv.gz')} is not a CSV file (looks like gzip-compressed data); decompress it (gunzip) first`,
    );
    expectOneLineError(
      run(fixture('not_csv.pdf'), fixture('cities_utf8.csv')),
      `error: ${fixture('not_csv.pdf')} is not a CSV file (looks like a PDF document); export it as CSV`,
    );
  });

  it('an undrifted pair, the reference a European Excel export (";", decimal commas, "." thousands): numerical, no drift', () => {
    const r = run(fixture('european_reference.csv'), fixture('standard_production.csv'));
    expect(r.code, r.stderr).toBe(0);
    const report = r.report!;
    expect(report.features.map((f) => [f.name, f.type])).toEqual([
      ['income', 'numerical'],
      ['rate', 'numerical'],
      ['weight', 'numerical'],
      ['age', 'numerical'],
      ['segment', 'categorical'],
    ]);
    expect(report.summary.overall_drift).toBe(false);
    for (const f of report.features) expect(f.drift_score, f.name).toBeLessThan(0.05);
    const income = report.features.find((f) => f.name === 'income')!;
    expect(income.ks!.statistic).toBe(0); // the same numbers in both files
    expect(report.warnings).toContain(
      `column "income" in ${fixture('european_reference.csv')}: read "32.276,54" as 32276.54 (decimal comma, "." thousands); set data.decimal / data.thousands to override`,
    );
    // "650,633" and "630.634" alone are ambiguous: each file's other columns decide, and the two agree.
    expect(report.features.find((f) => f.name === 'weight')!.ks!.statistic).toBe(0);
  });

  it('an undrifted pair of two European exports: numerical, no drift', () => {
    const r = run(fixture('european_reference.csv'), fixture('european_production.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.summary.overall_drift).toBe(false);
    expect(r.report!.features.filter((f) => f.type === 'numerical').map((f) => f.name)).toEqual(['income', 'rate', 'weight', 'age']);
    for (const f of r.report!.features) if (f.ks) expect(f.ks.statistic, f.name).toBe(0);
  });

  it('an undrifted pair, a plain reference against a ";" export whose every number is ambiguous ("200.000"): no drift', () => {
    const r = run(fixture('plain_reference.csv'), fixture('grouped_production.csv'));
    expect(r.code, r.stderr).toBe(0);
    const report = r.report!;
    expect(report.features.map((f) => [f.name, f.type])).toEqual([
      ['limit', 'numerical'],
      ['bill', 'numerical'],
    ]);
    expect(report.summary.overall_drift).toBe(false);
    for (const f of report.features) expect(f.ks!.statistic, f.name).toBe(0); // the same numbers, shuffled
  });

  it('data.encoding in the config overrides the detection', () => {
    const cfg = join(dir, 'enc.yaml');
    writeFileSync(cfg, 'data:\n  encoding: utf-8\n');
    expectOneLineError(
      run(fixture('cities_1252.csv'), fixture('cities_utf8.csv'), '-c', cfg),
      `error: ${fixture('cities_1252.csv')} is not valid UTF-8 (first bad byte at offset 20); set data.encoding to the file's encoding (utf-8, utf-16le, utf-16be, windows-1252 or latin1)`,
    );
  });
});

/**
 * The built CLI on Parquet files (tests/fixtures/parquet, scripts/make_parquet_fixtures.py): a run, a
 * profile made from a Parquet file, --stream, a DuckDB-written file, and damaged files.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { realPair } from '../helpers/realPairs.ts';
import { runCli, tempDir } from './runCli.ts';

const PARQUET = fileURLToPath(new URL('../fixtures/parquet/', import.meta.url));
const out = tempDir('dm-parquet-');

/** Runs the CLI; the report with the input paths replaced by their role and the run time removed. */
function run(ref: string, prod: string, extra: string[], name: string): { code: number; report: Report; stderr: string } {
  const file = join(out, `${name}.json`);
  const r = runCli(['--reference', ref, '--production', prod, '--out', file, '--scores', join(out, `${name}.csv`), ...extra]);
  if (r.code !== 0 && r.code !== 3) throw new Error(`CLI failed: ${r.stderr}`);
  const text = readFileSync(file, 'utf8')
    .split(JSON.stringify(ref).slice(1, -1))
    .join('REF')
    .split(JSON.stringify(prod).slice(1, -1))
    .join('PROD');
  const { generated_at: _, ...report } = JSON.parse(text) as Report;
  return { code: r.code, report: report as Report, stderr: r.stderr };
}

describe('drift-monitor on Parquet files', () => {
  const bank = realPair('bank');
  const ref = join(PARQUET, 'real/bank/reference.parquet');
  const prod = join(PARQUET, 'real/bank/production.parquet');
  const flags = ['--label', 'y'];

  it('gives the CSV pair’s report and exit code', () => {
    const csv = run(bank.reference, bank.production, flags, 'csv');
    const pq = run(ref, prod, flags, 'pq');
    expect(pq.code).toBe(csv.code);
    expect(pq.report).toEqual(csv.report);
    expect(pq.report.features.length).toBeGreaterThan(5);
  });

  it('reads a production file written by DuckDB as the one written by pyarrow', () => {
    const duck = run(ref, join(PARQUET, 'real/bank/production.duckdb.parquet'), flags, 'duck');
    expect(duck.report).toEqual(run(ref, prod, flags, 'pq2').report);
  });

  it('streams Parquet files into profiles with --stream, as CSVs', () => {
    expect(run(ref, prod, [...flags, '--stream'], 'pqs').report).toEqual(
      run(bank.reference, bank.production, [...flags, '--stream'], 'csvs').report,
    );
  });

  it('makes a reference profile from a Parquet file that a Parquet production is compared with', () => {
    const profile = join(out, 'bank.profile');
    const made = runCli(['profile', ref, '-o', profile, '--label', 'y']);
    expect(made.code, made.stderr).toBe(0);
    const shown = runCli(['profile', '--show', profile]);
    expect(shown.stdout).toContain('reference.parquet');
    const csvProfile = join(out, 'bank-csv.profile');
    expect(runCli(['profile', bank.reference, '-o', csvProfile, '--label', 'y']).code).toBe(0);
    const a = run(profile, prod, flags, 'prof');
    const b = run(csvProfile, bank.production, flags, 'profcsv');
    // A profile names its source file without folders: the only difference.
    expect(JSON.parse(JSON.stringify(a.report).replaceAll('reference.parquet', 'reference.csv'))).toEqual(b.report);
  });

  it('reads a Parquet file whatever its name (told by its first bytes)', () => {
    const renamed = join(out, 'reference.dat');
    copyFileSync(ref, renamed);
    expect(run(renamed, prod, flags, 'renamed').report).toEqual(run(ref, prod, flags, 'pq3').report);
  });

  it('reports the nested columns of a Parquet file as skipped, with the reason', () => {
    const f = join(PARQUET, 'types_zstd.parquet');
    const { report } = run(f, join(PARQUET, 'types_duckdb.parquet'), ['--label', 'label'], 'types');
    expect(report.skipped).toContainEqual({ name: 'tags', reason: 'nested Parquet column (LIST): not a single value per row' });
    expect(report.skipped).toContainEqual({ name: 'attrs', reason: 'nested Parquet column (MAP): not a single value per row' });
  });
});

describe('a damaged Parquet file', () => {
  const good = readFileSync(join(PARQUET, 'types_snappy.parquet'));
  const cases: [string, Buffer][] = [
    ['truncated', good.subarray(0, good.length - 50)],
    ['wrong magic', Buffer.from('a,b\n1,2\n')],
    ['garbage page', Buffer.concat([good.subarray(0, 4), Buffer.alloc(300, 0x9c), good.subarray(304)])],
  ];

  it.each(cases)('(%s) is one error line naming the file, exit code 2', (what, bytes) => {
    const bad = join(out, `bad-${what.replace(' ', '-')}.parquet`);
    writeFileSync(bad, bytes);
    for (const args of [
      ['--reference', bad, '--production', join(PARQUET, 'types_none.parquet'), '--out', join(out, 'x.json')],
      ['--reference', join(PARQUET, 'types_none.parquet'), '--production', bad, '--stream', '--out', join(out, 'x.json')],
      ['profile', bad, '-o', join(out, 'bad.profile')],
    ]) {
      const r = runCli(args);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      // The profile command names its file without folders, as for a CSV.
      const name = (args[0] === 'profile' ? basename(bad) : bad).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(lines[0]).toMatch(new RegExp(`^error: ${name} is (not a|a damaged)`));
    }
  });
});

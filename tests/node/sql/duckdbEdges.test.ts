/**
 * `--engine duckdb` against a binned reference profile: the production file (CSV or Parquet) read by
 * DuckDB is counted on the reference's own bin edges (duckDbFileProfile's `edges`, binnedEdges), so
 * both sides hold the same edges: each production bin's count is what the CSV's exact numbers give on
 * those edges, and the run's KS is within the report's bound of the exact KS.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { encodeProfile } from '../../../src/core/profile/profileFile.ts';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { binnedEdges } from '../../../src/core/sql/edgeBins.ts';
import { duckDbFileProfile } from '../../../src/node/duckdbFileProfile.ts';
import { runPipeline } from '../../../src/node/runPipeline.ts';
import { realPair } from '../../helpers/realPairs.ts';
import { configFor, csvProfile, reportOf } from './sqlCases.ts';
import { binsOf, expectKsWithinBound, featuresOf } from './sqlChecks.ts';
import { duckDbFileOptions, useEngines } from './sqlEngines.ts';

const MAX_EXACT = 300;
const engines = useEngines(['duckdb']);

const options = (drop: string[], label: string | null, edges?: Map<string, number[]>) =>
  duckDbFileOptions(engines, { delimiter: ',', maxExactValues: MAX_EXACT, drop, label, edges });

function expectOnEdges(prod: Profile, ref: Profile, csv: Profile): number {
  const edges = binnedEdges(ref);
  expect(edges.size).toBeGreaterThan(0);
  for (const [name, e] of edges) {
    const p = prod.columns.find((c) => c.name === name)!;
    const c = csv.columns.find((x) => x.name === name)!;
    expect([p.missing, p.nonNumeric], name).toEqual([c.missing, c.nonNumeric]);
    expect(p.binned, name).toBeDefined();
    if (p.numbers.mode !== 'exact') throw new Error(`${name} is not binned`);
    const { values, counts } = p.numbers;
    expect(new Map(Array.from(values, (v, i) => [v, counts[i]])), name).toEqual(binsOf(c, e));
  }
  return edges.size;
}

describe('--engine duckdb: production on the binned reference edges', () => {
  const pair = realPair('electricity');

  it('a CSV and a Parquet production file are counted on the reference edges', async () => {
    const ref = await duckDbFileProfile(pair.reference, options(pair.drop, pair.label));
    const csv = await csvProfile(pair.production, 'production.csv', { drop: pair.drop, label: pair.label });
    const fromCsv = await duckDbFileProfile(pair.production, options(pair.drop, pair.label, binnedEdges(ref)));
    expectOnEdges(fromCsv, ref, csv);
    const parquet = join(mkdtempSync(join(tmpdir(), 'dm-edges-')), 'production.parquet');
    const q = duckdbDialect.string;
    // Typed numeric columns (DOUBLE) in the Parquet file: read as numbers, counted on the same edges.
    await engines.duckdb.run(`COPY (SELECT * FROM read_csv(${q(pair.production)}, header = true)) TO ${q(parquet)} (FORMAT parquet)`);
    const fromParquet = await duckDbFileProfile(parquet, options(pair.drop, pair.label, binnedEdges(ref)));
    expectOnEdges(fromParquet, ref, csv);
  }, 60_000);

  it('a run with a reference profile counts production on its edges: KS within the stated bound', async () => {
    const ref = await duckDbFileProfile(pair.reference, options(pair.drop, pair.label));
    const dir = mkdtempSync(join(tmpdir(), 'dm-edges-'));
    const refPath = join(dir, 'reference.profile');
    writeFileSync(refPath, encodeProfile(ref));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, `profile:\n  max_exact_values: ${MAX_EXACT}\n`);
    const { report } = await runPipeline({
      reference: refPath,
      production: [pair.production],
      config,
      label: pair.label ?? undefined,
      engine: 'duckdb',
      report: { out: join(dir, 'report.json'), scores: join(dir, 'scores.csv') },
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    const csv = await csvProfile(pair.production, 'production.csv', { drop: pair.drop, label: pair.label });
    const exact = featuresOf(reportOf(ref, csv, configFor(pair.label, pair.drop)));
    const edges = binnedEdges(ref);
    // What the run must have done: production counted on the reference edges (not on bins of its own).
    const onEdges = await duckDbFileProfile(pair.production, options(pair.drop, pair.label, edges));
    const expected = featuresOf(reportOf(ref, onEdges, configFor(pair.label, pair.drop)));
    let checked = 0;
    let small = 0;
    for (const f of report.features as unknown as Record<string, unknown>[]) {
      if (!edges.has(String(f.name))) continue;
      const e = expected.find((h) => h.name === f.name)!;
      expect([f.ks, f.approximate], String(f.name)).toEqual([e.ks, e.approximate]);
      const bound = expectKsWithinBound(
        f,
        exact.find((h) => h.name === f.name)!,
      );
      if (bound === null) continue;
      // Both sides on the same edges: the bound is the in-bin shares only (large only where production
      // lies past the reference's last edge, one bin closing at its max).
      if (bound < 0.02) small++;
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(small).toBeGreaterThan(0);
  }, 60_000);
});

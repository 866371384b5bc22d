/**
 * `--engine duckdb` against a binned reference profile: the production file (CSV or Parquet) read by
 * DuckDB is counted on the reference's own bin edges (duckDbFileProfile's `edges`, binnedEdges), so
 * both sides hold the same edges: each production bin's count is what the CSV's exact numbers give on
 * those edges, and the run's KS is within the report's bound of the exact KS.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnProfile, Profile } from '../../../src/core/profile/columnProfile.ts';
import { encodeProfile } from '../../../src/core/profile/profileFile.ts';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { binnedEdges } from '../../../src/core/sql/edgeBins.ts';
import { openDuckDb, type DuckDbSession } from '../../../src/node/duckdbEngine.ts';
import { duckDbFileProfile } from '../../../src/node/duckdbFileProfile.ts';
import { runPipeline } from '../../../src/node/runPipeline.ts';
import { realPair } from '../../helpers/realPairs.ts';
import { configFor, csvProfile, MISSING, PROFILE_CONFIG, reportOf } from './sqlCases.ts';

const MAX_EXACT = 300;
let db: DuckDbSession;
beforeAll(async () => {
  db = await openDuckDb({ threads: 2 });
});
afterAll(() => db.close());

const options = (drop: string[], label: string | null, edges?: Map<string, number[]>) => ({
  delimiter: ',',
  missingValues: MISSING,
  skipColumns: drop,
  label,
  profile: { ...PROFILE_CONFIG, maxExactValues: MAX_EXACT },
  session: db,
  ...(edges ? { edges } : {}),
});

/** The CSV's exact numbers counted on the edges (and one bin closing at the max above them). */
function binsOf(csv: ColumnProfile, edges: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (csv.numbers.mode !== 'exact') throw new Error(`${csv.name} is not exact in the CSV profile`);
  const { values, counts } = csv.numbers;
  const max = values.length ? values[values.length - 1] : 0;
  for (let i = 0; i < values.length; i++) {
    const edge = edges.find((e) => values[i] <= e) ?? max;
    out.set(edge, (out.get(edge) ?? 0) + counts[i]);
  }
  return out;
}

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
    await db.run(`COPY (SELECT * FROM read_csv(${q(pair.production)}, header = true)) TO ${q(parquet)} (FORMAT parquet)`);
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
    const exact = JSON.parse(reportOf(ref, csv, configFor(pair.label, pair.drop))) as { features: Record<string, unknown>[] };
    const edges = binnedEdges(ref);
    // What the run must have done: production counted on the reference edges (not on bins of its own).
    const onEdges = await duckDbFileProfile(pair.production, options(pair.drop, pair.label, edges));
    const expected = JSON.parse(reportOf(ref, onEdges, configFor(pair.label, pair.drop))) as { features: Record<string, unknown>[] };
    let checked = 0;
    let small = 0;
    for (const f of report.features as unknown as Record<string, unknown>[]) {
      if (!edges.has(String(f.name))) continue;
      const g = exact.features.find((h) => h.name === f.name)!;
      const e = expected.features.find((h) => h.name === f.name)!;
      expect([f.ks, f.approximate], String(f.name)).toEqual([e.ks, e.approximate]);
      const ks = (x: Record<string, unknown>) => (x.ks as { statistic: number } | undefined)?.statistic;
      if (ks(f) === undefined) continue;
      const bound = (f.approximate as { ks_statistic_bound: number }).ks_statistic_bound;
      // Both sides on the same edges: the bound is the in-bin shares only (large only where production
      // lies past the reference's last edge, one bin closing at its max).
      if (bound < 0.02) small++;
      expect(Math.abs(ks(f)! - ks(g)!), String(f.name)).toBeLessThanOrEqual(bound + 1e-12);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(small).toBeGreaterThan(0);
  }, 60_000);
});

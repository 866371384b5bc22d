/**
 * `sql --edges-from`: a production table counted on a binned reference's own edges, on DuckDB and on
 * PostgreSQL. The production profile's bins are the reference's edges (plus one closing at the max above
 * the last) with the counts the CSV's numbers give on those bins; the report against the reference is
 * the one of the production CSV, KS within the bound the report states for binned columns and
 * feature for feature the same where both sides are exact.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { duckDbFileProfile } from '../../../src/node/duckdbFileProfile.ts';
import { realPair } from '../../helpers/realPairs.ts';
import { configFor, csvProfile, hostileSpreadRows, reportOf, writeCsv } from './sqlCases.ts';
import { binsOf, expectKsWithinBound, featuresOf } from './sqlChecks.ts';
import { duckDbFileOptions, onEachEngine, sqlProfile, useEngines, type Engine } from './sqlEngines.ts';

const MAX_EXACT = 300;
const engines = useEngines(['duckdb', 'postgres']);

async function reference(path: string, delimiter: string, drop: string[], label: string | null): Promise<Profile> {
  return duckDbFileProfile(path, duckDbFileOptions(engines, { delimiter, maxExactValues: MAX_EXACT, drop, label }));
}

/** The production CSV loaded as a text table in the engine, profiled by the --edges-from query of `ref`. */
function edgesProfile(engine: Engine, path: string, ref: Profile): Promise<Profile> {
  const edges = new Map<string, number[]>();
  for (const c of ref.columns) if (c.binned && c.numbers.mode === 'exact') edges.set(c.name, Array.from(c.numbers.values));
  expect(edges.size).toBeGreaterThan(0);
  return sqlProfile(engines, engine, path, 'production.csv', {
    columns: ref.columns.map((c) => c.name),
    label: ref.source!.label,
    drop: ref.source!.dropped,
    edges,
  });
}

function checkPair(engine: Engine, name: string) {
  return () => checkFiles(engine, realPair(name));
}

async function checkFiles(
  engine: Engine,
  pair: { reference: string; production: string; drop: string[]; label: string | null },
): Promise<void> {
  const delimiter = (await csvProfile(pair.reference, 'r')).source!.delimiter;
  const ref = await reference(pair.reference, delimiter, pair.drop, pair.label);
  const prod = await edgesProfile(engine, pair.production, ref);
  const csv = await csvProfile(pair.production, 'production.csv', { drop: pair.drop, label: pair.label });
  expect(prod.rows).toBe(csv.rows);
  let binned = 0;
  for (const r of ref.columns) {
    const p = prod.columns.find((c) => c.name === r.name)!;
    const c = csv.columns.find((c) => c.name === r.name)!;
    expect([p.missing, p.nonNumeric, [...(p.text ?? [])]], r.name).toEqual([c.missing, c.nonNumeric, [...(c.text ?? [])]]);
    if (!r.binned || r.numbers.mode !== 'exact') {
      expect(p, r.name).toEqual(c);
      continue;
    }
    binned++;
    expect(p.binned, r.name).toBeDefined();
    expect(p.numbers.mode).toBe('exact');
    if (p.numbers.mode !== 'exact') continue;
    expect(new Map(Array.from(p.numbers.values, (v, i) => [v, p.numbers.mode === 'exact' ? p.numbers.counts[i] : 0])), r.name).toEqual(
      binsOf(c, r.numbers.values),
    );
  }
  expect(binned).toBeGreaterThan(0);

  const config = configFor(pair.label, pair.drop);
  const fromSql = featuresOf(reportOf(ref, prod, config));
  const fromCsv = featuresOf(reportOf(ref, csv, config));
  expect(fromSql.map((f) => f.name)).toEqual(fromCsv.map((f) => f.name));
  let approx = 0;
  for (const f of fromSql) {
    const g = fromCsv.find((h) => h.name === f.name)!;
    if (!ref.columns.find((c) => c.name === f.name)?.binned) {
      expect(f, String(f.name)).toEqual(g);
      continue;
    }
    if (expectKsWithinBound(f, g) !== null) approx++;
  }
  expect(approx).toBeGreaterThan(0);
}

/** Hostile names; numbers with many distinct values (production shifted past the reference max) among odd cells. */
function hostilePair(): { reference: string; production: string; drop: string[]; label: null } {
  const make = (shift: number, seed: number, name: string) => writeCsv(hostileSpreadRows({ rows: 600, seed, oddEvery: 5, shift }), name);
  return { reference: make(0, 1, 'reference.csv'), production: make(30, 2, 'production.csv'), drop: [], label: null };
}

describe('--edges-from: production counted on the reference bins', () => {
  onEachEngine((engine) => {
    for (const name of ['electricity', 'bank']) it(name, checkPair(engine, name), 60_000);
    it('hostile column names and cells', () => checkFiles(engine, hostilePair()), 60_000);
  });
});

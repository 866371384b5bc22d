/**
 * What the SQL engine tests check of an engine's profiles against the CSV path's: a real-data pair
 * profiled exactly, the hostile-name cases every engine runs (profileQueryTests), and binned columns (counts on given
 * edges, KS within the bound the report states).
 */
import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../src/core/profile/columnProfile.ts';
import { SKIP_POSTGRES } from '../../helpers/postgresCluster.ts';
import { realPair } from '../../helpers/realPairs.ts';
import pairsIndex from '../../fixtures/real/pairs.json';
import { configFor, csvProfile, expectSameColumns, hostileRows, reportOf, writeCsv } from './sqlCases.ts';
import { sqlProfile, useEngines, type Engine, type SqlProfile } from './sqlEngines.ts';

/**
 * The tests of one engine's profile query (no binning): the real-data pairs profiled as the CSV path
 * does, and the hostile-name cases.
 */
export function profileQueryTests(engine: Engine): void {
  const engines = useEngines([engine]);
  const profile: SqlProfile = (path, file, opts) => sqlProfile(engines, engine, path, file, opts);
  const name = engine === 'duckdb' ? 'DuckDB' : 'PostgreSQL';
  const skip = engine === 'postgres' && SKIP_POSTGRES;
  describe.skipIf(skip)(`${name} profiles = CSV profiles on the real-data pairs (exact mode)`, () => {
    for (const pair of Object.keys(pairsIndex)) it(pair, () => expectPairAsCsv(realPair(pair), profile));
  });
  describe.skipIf(skip)(`${name}: hostile column names, number shapes and markers`, () => {
    for (const [title, check] of HOSTILE_CASES) it(title, () => check(profile));
  });
}

/**
 * Both files of a real-data pair profiled by `profile` (exact mode): the CSV reader's columns, and the
 * CSV path's report to the letter.
 */
export async function expectPairAsCsv(
  pair: { reference: string; production: string; drop: string[]; label: string | null },
  profile: SqlProfile,
): Promise<void> {
  const opts = { drop: pair.drop, label: pair.label };
  const ref = await profile(pair.reference, 'reference.csv', opts);
  const prod = await profile(pair.production, 'production.csv', opts);
  const csvRef = await csvProfile(pair.reference, 'reference.csv', opts);
  const csvProd = await csvProfile(pair.production, 'production.csv', opts);
  expectSameColumns(ref, csvRef);
  expectSameColumns(prod, csvProd);
  const config = configFor(pair.label, pair.drop);
  const report = reportOf(ref, prod, config);
  const expected = reportOf(csvRef, csvProd, config);
  // Parsed first, for a readable difference; then as text, where -0 and 0 differ.
  expect(JSON.parse(report)).toEqual(JSON.parse(expected));
  expect(report).toBe(expected);
  expect(featuresOf(report).length).toBeGreaterThan(3);
}

/** Hostile column names, number shapes and markers: each case's title and its check of an engine's profiles. */
const HOSTILE_CASES: [string, (profile: SqlProfile) => Promise<void>][] = [
  [
    'profiles them as the CSV reader does',
    async (profile) => {
      const path = writeCsv(hostileRows());
      const fromSql = await profile(path, 'data.csv');
      expectSameColumns(fromSql, await csvProfile(path, 'data.csv'));
      // The names came back through the query unchanged, and each column saw numbers, texts and missing cells.
      expect(fromSql.columns.every((c) => c.missing > 0 && c.nonNumeric > 0 && c.rows - c.missing - c.nonNumeric > 0)).toBe(true);
    },
  ],
  [
    'reads numbers past the double range as text and tiny ones as 0, as Number() does',
    async (profile) => {
      const path = writeCsv([['x'], ['1e308'], ['1.8e308'], ['1e-400'], ['-1e-330'], ['5e-324'], ['9e999'], ['1e0001']]);
      const fromSql = await profile(path, 'edge.csv');
      expectSameColumns(fromSql, await csvProfile(path, 'edge.csv'));
      expect(fromSql.columns[0].nonNumeric).toBe(2);
    },
  ],
  [
    'missing markers with quotes and backslashes are matched as written',
    async (profile) => {
      const markers = ["it's NA", 'n\\a', '"none"'];
      const path = writeCsv([['x'], ["it's NA"], ['n\\a'], ['"none"'], ['1'], ['n/a']]);
      const fromSql = await profile(path, 'm.csv', { missing: markers });
      expect(fromSql.columns[0].missing).toBe(3);
      expectSameColumns(fromSql, await csvProfile(path, 'm.csv', { missing: markers }));
    },
  ],
];

/** The CSV profile's exact numbers counted on the edges (and one bin closing at the max above them). */
export function binsOf(csv: ColumnProfile, edges: ArrayLike<number>): Map<number, number> {
  if (csv.numbers.mode !== 'exact') throw new Error(`${csv.name} is not exact in the CSV profile`);
  const out = new Map<number, number>();
  const { values, counts } = csv.numbers;
  const max = values.length ? values[values.length - 1] : 0;
  const list = Array.from(edges);
  for (let i = 0; i < values.length; i++) {
    const edge = list.find((e) => values[i] <= e) ?? max;
    out.set(edge, (out.get(edge) ?? 0) + counts[i]);
  }
  return out;
}

export type FeatureJson = Record<string, unknown>;

/** The features of a report (reportOf's JSON text). */
export function featuresOf(report: string): FeatureJson[] {
  return (JSON.parse(report) as { features: FeatureJson[] }).features;
}

/**
 * A feature of binned profiles against the same feature of exact ones: KS statistics within the bound
 * the binned report states. Returns that bound, or null where the feature has no KS.
 */
export function expectKsWithinBound(binned: FeatureJson, exact: FeatureJson): number | null {
  const ks = (x: FeatureJson) => (x.ks as { statistic: number } | undefined)?.statistic;
  if (ks(binned) === undefined) return null;
  const bound = (binned.approximate as { ks_statistic_bound: number }).ks_statistic_bound;
  expect(Math.abs(ks(binned)! - ks(exact)!), String(binned.name)).toBeLessThanOrEqual(bound + 1e-12);
  return bound;
}

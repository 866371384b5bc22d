/**
 * The query `drift-monitor sql` prints (exact or binned per column, decided in the engine, bins between
 * the engine's own quantiles: quantileBins.ts) run on DuckDB and on PostgreSQL over the real-data pairs
 * loaded as text tables:
 * - exact mode (profile.max_exact_values above every column's distinct count) equals the CSV reader's
 *   profiles and report;
 * - binned mode: the binned CDF is exact at each bin's closing edge, within its stated bound
 *   everywhere, and KS of binned profiles is within the report's bound of the CSV path's exact KS;
 * - hostile column names (quotes, backslashes, unicode, reserved words) in binned mode.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../src/core/profile/columnProfile.ts';
import { SQL_BIN_PARTS } from '../../../src/core/sql/quantileBins.ts';
import { realPair } from '../../helpers/realPairs.ts';
import pairsIndex from '../../fixtures/real/pairs.json';
import { configFor, csvProfile, HOSTILE_NAMES, hostileSpreadRows, PROFILE_CONFIG, reportOf, writeCsv } from './sqlCases.ts';
import { expectKsWithinBound, expectPairAsCsv, featuresOf } from './sqlChecks.ts';
import { onEachEngine, sqlProfile, useEngines, type Engine, type SqlFileOptions } from './sqlEngines.ts';

const engines = useEngines(['duckdb', 'postgres']);

/** The engine's profile with quantile bins (max exact values `maxExact`). */
const binnedProfile = (engine: Engine, path: string, file: string, maxExact: number, opts: SqlFileOptions = {}) =>
  sqlProfile(engines, engine, path, file, { ...opts, quantileBins: { maxExactValues: maxExact, parts: SQL_BIN_PARTS } });

/**
 * A binned column against the CSV's exact numbers: same counts, texts and missing cells; the binned CDF
 * equals the exact CDF at every bin's closing edge (a value of the data) and is within the stated
 * bound at every number. Returns the bound.
 */
function checkBinned(b: ColumnProfile, exact: ColumnProfile): number {
  expect([b.rows, b.missing, b.nonNumeric, [...(b.text ?? [])]], b.name).toEqual([
    exact.rows,
    exact.missing,
    exact.nonNumeric,
    [...(exact.text ?? [])],
  ]);
  expect(b.numbers.mode).toBe('exact');
  expect(exact.numbers.mode).toBe('exact');
  if (b.numbers.mode !== 'exact' || exact.numbers.mode !== 'exact') return NaN;
  const { values: ev, counts: ec } = exact.numbers;
  const { values: bv, counts: bc } = b.numbers;
  const n = ec.reduce((s, x) => s + x, 0);
  expect(bc.reduce((s, x) => s + x, 0)).toBe(n);
  const known = new Set(ev);
  let worst = 0;
  let j = 0;
  let binnedCum = 0;
  let exactCum = 0;
  for (let i = 0; i < ev.length; i++) {
    exactCum += ec[i];
    while (j < bv.length && bv[j] <= ev[i]) binnedCum += bc[j++];
    if (j > 0 && bv[j - 1] === ev[i]) expect(binnedCum, `${b.name}: CDF at the edge ${ev[i]}`).toBe(exactCum);
    worst = Math.max(worst, Math.abs(exactCum - binnedCum) / n);
  }
  for (const v of bv) expect(known.has(v), `${b.name}: edge ${v} is a value of the data`).toBe(true);
  expect(worst, b.name).toBeLessThanOrEqual(b.binned!.bound + 1e-12);
  return b.binned!.bound;
}

/** The CSV reader's profile with every column exact (the oracle for binned columns). */
const exactCsv = (path: string, file: string, drop: string[], label: string | null) =>
  csvProfile(path, file, { drop, label, profile: { ...PROFILE_CONFIG, maxExactValues: 10_000_000 } });

describe('exact mode (few distinct numbers) equals the CSV path', () => {
  onEachEngine((engine) => {
    const profile = (path: string, file: string, opts?: SqlFileOptions) =>
      binnedProfile(engine, path, file, PROFILE_CONFIG.maxExactValues, opts);
    for (const name of Object.keys(pairsIndex)) it(name, () => expectPairAsCsv(realPair(name), profile), 60_000);
  });
});

/** Columns with more distinct numbers than this are binned. */
const MAX_EXACT = 300;

describe('binned mode stays within its bound of the exact CSV path', () => {
  onEachEngine((engine) => {
    for (const name of ['electricity', 'bank', 'adult'])
      it(
        name,
        async () => {
          const pair = realPair(name);
          const opts = { drop: pair.drop, label: pair.label };
          const ref = await binnedProfile(engine, pair.reference, 'reference.csv', MAX_EXACT, opts);
          const prod = await binnedProfile(engine, pair.production, 'production.csv', MAX_EXACT, opts);
          const csvRef = await exactCsv(pair.reference, 'reference.csv', pair.drop, pair.label);
          const csvProd = await exactCsv(pair.production, 'production.csv', pair.drop, pair.label);
          let binned = 0;
          for (const [sql, csv] of [
            [ref, csvRef],
            [prod, csvProd],
          ])
            for (const c of sql.columns) {
              const e = csv.columns.find((x) => x.name === c.name)!;
              if (!c.binned) {
                // Exact columns: as the CSV reader (which has no sketch here either: few distinct values).
                expect(c, c.name).toEqual(
                  (await csvProfile(sql === ref ? pair.reference : pair.production, 'x', opts)).columns.find((x) => x.name === c.name),
                );
                continue;
              }
              binned++;
              expect(e.numbers.mode === 'exact' && e.numbers.values.length).toBeGreaterThan(MAX_EXACT);
              // About one bin's share: 1/1024 of the numbers, never more than a few bins' worth.
              expect(checkBinned(c, e)).toBeLessThan(4 / SQL_BIN_PARTS);
            }
          expect(binned).toBeGreaterThan(0);
          const config = configFor(pair.label, pair.drop);
          const approx = featuresOf(reportOf(ref, prod, config));
          const exact = featuresOf(reportOf(csvRef, csvProd, config));
          let checked = 0;
          for (const f of approx) {
            if (!ref.columns.find((c) => c.name === f.name)?.binned) continue;
            if (
              expectKsWithinBound(
                f,
                exact.find((h) => h.name === f.name)!,
              ) !== null
            )
              checked++;
          }
          expect(checked).toBeGreaterThan(0);
        },
        60_000,
      );
  });
});

/** Hostile names; many distinct numbers (with a heavy point mass) among odd cells. */
const hostileCsv = () => writeCsv(hostileSpreadRows({ rows: 3000, seed: 7, oddEvery: 7, zeroEvery: 3, shift: -20 }));

describe('binned mode with hostile column names', () => {
  onEachEngine((engine) => {
    it('profiles them, binned within the bound', async () => {
      const path = hostileCsv();
      const p = await binnedProfile(engine, path, 'data.csv', 50);
      const exact = await exactCsv(path, 'data.csv', [], null);
      expect(p.columns.map((c) => c.name)).toEqual(HOSTILE_NAMES);
      for (const c of p.columns) {
        expect(c.binned, c.name).toBeDefined();
        checkBinned(
          c,
          exact.columns.find((x) => x.name === c.name)!,
        );
      }
    }, 60_000);
  });
});

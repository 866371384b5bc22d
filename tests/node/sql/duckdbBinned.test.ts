/**
 * Binned mode (--engine duckdb on a column with more distinct numbers than profile.max_exact_values):
 * the KS statistic from binned profiles stays within the bound the report states of the exact one,
 * the bound is about one bin's share, and a binned profile survives the profile file format.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/buildReport.ts';
import { analyseProfiles } from '../../../src/core/profile/analyseProfiles.ts';
import { decodeProfile, encodeProfile } from '../../../src/core/profile/profileFile.ts';
import type { NumericalFeatureReport } from '../../../src/core/report/types.ts';
import { DUCKDB_BINS, duckDbFileProfile } from '../../../src/node/duckdbFileProfile.ts';
import { realPair } from '../../helpers/realPairs.ts';
import { configFor, csvProfile } from './sqlCases.ts';
import { duckDbFileOptions, useEngines } from './sqlEngines.ts';

const engines = useEngines(['duckdb']);

/** Columns with more than this many distinct numbers go on bins. */
const MAX_EXACT = 300;

describe('binned profiles from DuckDB stay within their bound', () => {
  for (const name of ['electricity', 'bank', 'adult']) {
    it(name, async () => {
      const pair = realPair(name);
      const delimiter = (await csvProfile(pair.reference, 'r')).source!.delimiter;
      const opts = duckDbFileOptions(engines, { delimiter, maxExactValues: MAX_EXACT, drop: pair.drop, label: pair.label });
      const ref = await duckDbFileProfile(pair.reference, opts);
      const prod = await duckDbFileProfile(pair.production, opts);
      const binned = ref.columns.filter((c) => c.binned);
      expect(binned.length).toBeGreaterThan(0);
      for (const c of binned) {
        // About one bin's share of the numbers (bins hold 1/DUCKDB_BINS each; point masses sit at edges).
        expect(c.binned!.bound).toBeLessThan(5 / Math.min(DUCKDB_BINS, MAX_EXACT));
        expect(decodeProfile(encodeProfile(ref), 'r.profile').columns.find((d) => d.name === c.name)).toEqual(c);
      }
      const config = configFor(pair.label, pair.drop);
      const meta = { generatedAt: '2026-01-01T00:00:00.000Z', version: '0' };
      const approx = buildReport(analyseProfiles(ref, prod, config), config, meta);
      const exact = buildReport(
        analyseProfiles(
          await csvProfile(pair.reference, 'r', { drop: pair.drop }),
          await csvProfile(pair.production, 'p', { drop: pair.drop }),
          config,
        ),
        config,
        meta,
      );
      let checked = 0;
      for (const f of approx.features) {
        if (f.type !== 'numerical' || !f.ks) continue;
        const e = exact.features.find((g) => g.name === f.name) as NumericalFeatureReport;
        const a = (f as NumericalFeatureReport & { approximate?: { ks_statistic_bound: number } }).approximate;
        if (!ref.columns.find((c) => c.name === f.name)?.binned) continue;
        expect(a, f.name).toBeDefined();
        expect(Math.abs(f.ks.statistic - e.ks!.statistic), f.name).toBeLessThanOrEqual(a!.ks_statistic_bound + 1e-12);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('binned profiles cannot be merged (their bins differ)', async () => {
    const pair = realPair('electricity');
    const p = await duckDbFileProfile(pair.reference, duckDbFileOptions(engines, { delimiter: ',', maxExactValues: MAX_EXACT }));
    const { mergeProfiles } = await import('../../../src/core/profile/profileBuilder.ts');
    expect(() => mergeProfiles(p, p)).toThrow(/cannot merge profiles with binned numbers/);
  });
});

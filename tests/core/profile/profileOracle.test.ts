/**
 * The scipy/numpy oracle cases (tests/fixtures/stattests.json) run through profiles: a profile of
 * each sample gives the KS, chi-square and PSI numbers of the raw samples (the kernels' result bit for
 * bit, scipy's within the bounds tests/core/stattests uses).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { analyseProfiles, numericalFromSummaries } from '../../../src/core/profile/analyseProfiles.ts';
import { loadKernels, type DriftKernels } from '../../../src/kernels/index.ts';
import { fixtures, pValueClose, toFloat64 } from '../stattests/fixtures.ts';
import { oneColumnTable } from './oneColumnTable.ts';
import { profileOf } from './profileOf.ts';

let k: DriftKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('numerical oracle cases through profiles', () => {
  for (const c of fixtures.numerical) {
    it(c.name, () => {
      const ref = profileOf(oneColumnTable('ref.csv', c.ref));
      const prod = profileOf(oneColumnTable('prod.csv', c.prod));
      expect(ref.columns[0].numbers.mode).toBe('exact');
      const fromProfiles = numericalFromSummaries(ref.columns[0].numbers, prod.columns[0].numbers, c.bins);
      const fromKernels = k.numerical(toFloat64(c.ref), toFloat64(c.prod), c.bins);
      // D, the quantiles, edges and counts: the wasm kernels' bit for bit (the kernels' out-of-range
      // figures, read off the raw samples, have no counterpart in a profile's summary).
      expect(fromProfiles.d).toBe(fromKernels.d);
      expect(Array.from(fromProfiles.quantiles)).toEqual(Array.from(fromKernels.quantiles));
      expect(fromProfiles).toEqual({ ...fromKernels, range: undefined });

      const config = defaultConfig();
      config.columns.numerical = ['x'];
      config.psi.bins = c.bins;
      config.psi.epsilon = c.epsilon;
      const s = analyseProfiles(ref, prod, config).stats[0];
      expect(s).toEqual(analyse(oneColumnTable('ref.csv', c.ref), oneColumnTable('prod.csv', c.prod), config, k).stats[0]);
      // scipy / numpy, with the bounds of tests/core/stattests/numericalFeature.test.ts.
      expect(s.type).toBe('numerical');
      expect(s.n).toEqual({ reference: c.expected.n_ref, production: c.expected.n_prod });
      expect(Math.abs(s.ks!.statistic - c.expected.statistic)).toBeLessThanOrEqual(1e-9);
      expect(s.ks!.method).toBe(c.expected.method);
      expect(pValueClose(s.ks!.p_value, c.expected.p_value)).toBe(true);
      expect(Math.abs(s.psi!.value - c.expected.psi)).toBeLessThanOrEqual(1e-9);
      expect(s.psi!.edges).toEqual(c.expected.psi_edges);
      expect(s.psi!.point_masses).toEqual(c.expected.psi_point_masses);
      expect(s.psi!.reference_counts).toEqual(c.expected.ref_counts);
      expect(s.psi!.production_counts).toEqual(c.expected.prod_counts);
      expect(s.approximate).toBeUndefined();
    });
  }
});

describe('categorical oracle cases through profiles', () => {
  for (const c of fixtures.categorical) {
    it(c.name, () => {
      const config = defaultConfig();
      config.columns.categorical = ['x'];
      config.psi.epsilon = c.epsilon;
      const s = analyseProfiles(profileOf(oneColumnTable('ref.csv', c.ref)), profileOf(oneColumnTable('prod.csv', c.prod)), config)
        .stats[0];
      expect(s).toEqual(analyse(oneColumnTable('ref.csv', c.ref), oneColumnTable('prod.csv', c.prod), config, k).stats[0]);
      const e = c.expected;
      expect(s.type).toBe('categorical');
      expect(s.psi!.categories).toEqual(e.categories);
      expect(s.psi!.reference_counts).toEqual(e.ref_counts);
      expect(s.psi!.production_counts).toEqual(e.prod_counts);
      expect(Math.abs(s.psi!.value - e.psi)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(s.drift_score! - e.total_variation)).toBeLessThanOrEqual(1e-12);
      expect(s.chi2!.dof).toBe(e.dof);
      expect(Math.abs(s.chi2!.statistic - e.statistic)).toBeLessThanOrEqual(1e-9 * Math.max(1, e.statistic));
      expect(pValueClose(s.chi2!.p_value, e.p_value)).toBe(true);
      expect(s.categories_only_in_production).toEqual(e.only_in_production);
      expect(s.categories_only_in_reference).toEqual(e.only_in_reference);
    });
  }
});

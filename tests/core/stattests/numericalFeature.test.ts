import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../src/kernels/index.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { numericalFeatureStats } from '../../../src/core/stattests/numericalFeature.ts';
import { fixtures, pValueClose, toFloat64 } from './fixtures.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('numericalFeatureStats(k, ref, prod, {bins, epsilon})', () => {
  for (const c of fixtures.numerical) {
    it(`numericalFeatureStats: ${c.name}`, () => {
      const s = numericalFeatureStats(k, toFloat64(c.ref), toFloat64(c.prod), { bins: c.bins, epsilon: c.epsilon });
      expect(s.error).toBeNull();
      expect(s.n).toEqual({ reference: c.expected.n_ref, production: c.expected.n_prod });
      expect(s.chi2).toBeNull();
      // drift_score is KS D; bounds as in ks.test.ts / psi.test.ts.
      expect(Math.abs(s.drift_score! - c.expected.statistic)).toBeLessThanOrEqual(1e-9);
      expect(s.ks!.method).toBe(c.expected.method);
      expect(pValueClose(s.ks!.p_value, c.expected.p_value)).toBe(true);
      expect(Math.abs(s.psi!.value - c.expected.psi)).toBeLessThanOrEqual(1e-9);
      expect(s.psi!.edges).toEqual(c.expected.psi_edges);
      expect(s.psi!.reference_counts).toHaveLength(c.expected.psi_edges.length + 1);
    });
  }

  it('numericalFeatureStats with an all-missing production sample gives an error and no tests', () => {
    const s = numericalFeatureStats(k, Float64Array.of(1, 2, 3), Float64Array.of(NaN, NaN), { bins: 10, epsilon: 1e-4 });
    expect(s.error).toMatch(/no non-missing values in the production file/);
    expect(s).toMatchObject({ ks: null, psi: null, chi2: null, drift_score: null, n: { reference: 3, production: 0 } });
  });
});

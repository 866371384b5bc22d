import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../src/kernels/index.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { ksTwoSample } from '../../../src/core/stattests/ks.ts';
import { fixtures, pValueClose, toFloat64 } from './fixtures.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('ksTwoSample(k, ref, prod) = scipy.stats.ks_2samp (method auto), NaN excluded', () => {
  for (const c of fixtures.numerical) {
    it(`ksTwoSample(k, ref, prod): ${c.name}`, () => {
      const r = ksTwoSample(k, toFloat64(c.ref), toFloat64(c.prod));
      expect(r.nRef).toBe(c.expected.n_ref);
      expect(r.nProd).toBe(c.expected.n_prod);
      // Acceptance bound for D: 1e-9.
      expect(Math.abs(r.statistic - c.expected.statistic)).toBeLessThanOrEqual(1e-9);
      expect(r.method).toBe(c.expected.method);
      // Acceptance bound for p-values: 1e-6 absolute or 1e-4 relative.
      expect(pValueClose(r.p_value, c.expected.p_value), `p ${r.p_value} vs scipy ${c.expected.p_value}`).toBe(true);
    });
  }

  it('ksTwoSample(k, ref, prod) refuses an empty sample', () => {
    expect(() => ksTwoSample(k, Float64Array.of(NaN), Float64Array.of(1))).toThrow(/non-empty/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../src/kernels/index.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { categoricalFeatureStats } from '../../../src/core/stattests/categoricalFeature.ts';
import { encodeCategories, fixtures, pValueClose } from './fixtures.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('categoricalFeatureStats(k, refCodes, prodCodes, categories, {epsilon})', () => {
  for (const c of fixtures.categorical) {
    it(`categoricalFeatureStats: ${c.name}`, () => {
      const { refCodes, prodCodes, categories } = encodeCategories(c.ref, c.prod);
      const s = categoricalFeatureStats(k, refCodes, prodCodes, categories, { epsilon: c.epsilon });
      const e = c.expected;
      expect(s.error).toBeNull();
      expect(s.ks).toBeNull();
      expect(s.n).toEqual({ reference: e.ref_counts.reduce((a, b) => a + b), production: e.prod_counts.reduce((a, b) => a + b) });
      // Bins: sorted union of categories (Python sorted() order for these ASCII names).
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

  it('categoricalFeatureStats drops categories seen in neither file', () => {
    const s = categoricalFeatureStats(k, Int32Array.of(0, 2, 2), Int32Array.of(2, 0), ['b', 'unused', 'a'], { epsilon: 1e-4 });
    expect(s.psi!.categories).toEqual(['a', 'b']);
    expect(s.psi!.reference_counts).toEqual([2, 1]);
    expect(s.chi2!.dof).toBe(1);
  });

  it('categoricalFeatureStats with an all-missing reference gives an error and no tests', () => {
    const s = categoricalFeatureStats(k, Int32Array.of(-1, -1), Int32Array.of(0), ['a'], { epsilon: 1e-4 });
    expect(s.error).toMatch(/no non-missing values in the reference file/);
    expect(s).toMatchObject({ chi2: null, psi: null, drift_score: null });
  });
});

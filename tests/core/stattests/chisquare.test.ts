import { describe, expect, it } from 'vitest';
import { chiSquareHomogeneity } from '../../../src/core/stattests/chisquare.ts';
import { fixtures, pValueClose } from './fixtures.ts';

describe('chiSquareHomogeneity(refCounts, prodCounts) = scipy.stats.chi2_contingency(table, correction=False)', () => {
  it('chiSquareHomogeneity([10, 20], [20, 10]) is 6.666..., p 0.00982..., dof 1 (scipy 1.17)', () => {
    const r = chiSquareHomogeneity([10, 20], [20, 10]);
    expect(r.statistic).toBeCloseTo(6.666666666666667, 12);
    expect(pValueClose(r.p_value, 0.009823274507519235)).toBe(true);
    expect(r.dof).toBe(1);
  });

  for (const c of fixtures.categorical) {
    it(`chiSquareHomogeneity(refCounts, prodCounts): ${c.name}`, () => {
      const r = chiSquareHomogeneity(c.expected.ref_counts, c.expected.prod_counts);
      // Statistic: same formula, summation order differs from numpy's pairwise sum: 1e-9 relative.
      expect(Math.abs(r.statistic - c.expected.statistic)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.expected.statistic));
      expect(r.dof).toBe(c.expected.dof);
      // Acceptance bound for p-values: 1e-6 absolute or 1e-4 relative.
      expect(pValueClose(r.p_value, c.expected.p_value), `p ${r.p_value} vs scipy ${c.expected.p_value}`).toBe(true);
    });
  }

  it('chiSquareHomogeneity with one category is statistic 0, p 1, dof 0 (as scipy)', () => {
    expect(chiSquareHomogeneity([30], [12])).toEqual({ statistic: 0, p_value: 1, dof: 0 });
  });

  it('chiSquareHomogeneity refuses an empty sample or an all-zero category (scipy raises too)', () => {
    expect(() => chiSquareHomogeneity([0, 0], [3, 4])).toThrow(/zero expected/);
    expect(() => chiSquareHomogeneity([1, 0], [3, 0])).toThrow(/zero expected/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels, type DriftKernels } from '../../src/kernels/index.ts';
import { fixtures, toFloat64 } from '../core/stattests/fixtures.ts';

let k: DriftKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('numerical(ref, prod, bins) against numpy/scipy (tests/fixtures/stattests.json)', () => {
  for (const c of fixtures.numerical) {
    it(`numerical(ref, prod, ${c.bins}): ${c.name}`, () => {
      const r = k.numerical(toFloat64(c.ref), toFloat64(c.prod), c.bins);
      expect(r.nRef).toBe(c.expected.n_ref);
      expect(r.nProd).toBe(c.expected.n_prod);
      // D is count/n differences computed like scipy: acceptance bound 1e-9 (observed: identical).
      expect(Math.abs(r.d - c.expected.statistic)).toBeLessThanOrEqual(1e-9);
      // The quantile kernel follows numpy's _lerp step by step: bound 1e-12 (observed: identical).
      expect(r.quantiles.length).toBe(c.bins + 1);
      r.quantiles.forEach((q, i) => expect(Math.abs(q - c.expected.quantiles[i])).toBeLessThanOrEqual(1e-12));
      // Edges and point masses by the rule of psiBins.ts, counts integers: exact.
      expect(r.edges).toEqual(c.expected.psi_edges);
      expect(r.pointMasses).toEqual(c.expected.psi_point_masses);
      expect(Array.from(r.refCounts)).toEqual(c.expected.ref_counts);
      expect(Array.from(r.prodCounts)).toEqual(c.expected.prod_counts);
    });
  }

  it('numerical(ref, prod, bins) gives D = 0 and empty counts when a sample has no values', () => {
    const r = k.numerical(Float64Array.of(NaN), Float64Array.of(1, 2), 4);
    expect(r.nRef).toBe(0);
    expect(r.nProd).toBe(2);
    expect(r.d).toBe(0);
    expect(Array.from(r.refCounts)).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.prodCounts)).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.quantiles).every(Number.isNaN)).toBe(true);
  });

  it('numerical(ref, prod, bins) rejects a non-positive bin count', () => {
    expect(() => k.numerical(Float64Array.of(1), Float64Array.of(2), 0)).toThrow(/bins/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../src/kernels/index.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { numericalPsi, populationStabilityIndex } from '../../../src/core/stattests/psi.ts';
import { fixtures, toFloat64 } from './fixtures.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('populationStabilityIndex(refCounts, prodCounts, epsilon)', () => {
  it('populationStabilityIndex([50, 50], [40, 60], 1e-4) is 0.1 * ln(1.5) = 0.0405465...', () => {
    // Hand check: (0.4-0.5)ln(0.8) + (0.6-0.5)ln(1.2) = 0.1 * ln(1.5).
    expect(populationStabilityIndex([50, 50], [40, 60], 1e-4)).toBeCloseTo(0.1 * Math.log(1.5), 15);
  });

  it('populationStabilityIndex floors empty bins at epsilon without renormalising', () => {
    const eps = 1e-4;
    const expected = (eps - 0.5) * Math.log(eps / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
    expect(populationStabilityIndex([5, 5], [0, 8], eps)).toBeCloseTo(expected, 14);
  });

  it('populationStabilityIndex refuses mismatched bins and empty samples', () => {
    expect(() => populationStabilityIndex([1, 2], [1], 1e-4)).toThrow(RangeError);
    expect(() => populationStabilityIndex([0, 0], [1, 1], 1e-4)).toThrow(RangeError);
  });

  for (const c of fixtures.numerical) {
    it(`numericalPsi(numerical(ref, prod, ${c.bins}), ...) matches numpy: ${c.name}`, () => {
      const psi = numericalPsi(k.numerical(toFloat64(c.ref), toFloat64(c.prod), c.bins), c.bins, c.epsilon);
      // Acceptance bound for PSI: 1e-9 (same counts, same formula; only summation rounding differs).
      expect(Math.abs(psi.value - c.expected.psi)).toBeLessThanOrEqual(1e-9);
      expect(psi.bins).toBe(c.bins);
      expect(psi.epsilon).toBe(c.epsilon);
      expect(psi.edges).toEqual(c.expected.psi_edges);
      expect(psi.point_masses).toEqual(c.expected.psi_point_masses);
      // Where no value collapses the quantiles, the edges are numpy's inner quantiles unchanged.
      if (c.expected.psi_point_masses.length === 0) expect(psi.edges).toEqual(c.expected.quantiles.slice(1, c.bins));
      expect(psi.reference_counts).toEqual(c.expected.ref_counts);
      expect(psi.production_counts).toEqual(c.expected.prod_counts);
    });
  }
});

describe('numericalPsi with a point mass in the reference', () => {
  // Like bank-marketing pdays: -1 ("never contacted") on every reference row; in production 36% of
  // the rows hold a day count. Every reference decile is -1, so numpy's edges collapse to one value.
  const ref = new Float64Array(500).fill(-1);
  const prod = Float64Array.from({ length: 500 }, (_, i) => (i < 320 ? -1 : 1 + ((i * 37) % 400)));

  it('a shift away from a value holding every reference row shows: PSI > 0.1 (KS D = 0.36)', () => {
    const r = k.numerical(ref, prod, 10);
    expect(r.d).toBeCloseTo(0.36, 12);
    const psi = numericalPsi(r, 10, 1e-4);
    // Bins (-inf, -1), [-1, -1], (-1, +inf): reference 0 / 500 / 0, production 0 / 320 / 180.
    expect(psi.edges).toEqual([-1, -1]);
    expect(psi.point_masses).toEqual([-1]);
    expect(psi.reference_counts).toEqual([0, 500, 0]);
    expect(psi.production_counts).toEqual([0, 320, 180]);
    const expected = (0.64 - 1) * Math.log(0.64) + (0.36 - 1e-4) * Math.log(0.36 / 1e-4);
    expect(psi.value).toBeCloseTo(expected, 12);
    expect(psi.value).toBeGreaterThan(0.1);
    // numpy.histogram on the collapsed edges (all -1) puts every value of both samples in the last bin: PSI 0.
    const collapsed = (xs: Float64Array) => [0, 0, 0, 0, 0, 0, 0, 0, 0, xs.length];
    expect(r.quantiles.every((q) => q === -1)).toBe(true);
    expect(populationStabilityIndex(collapsed(ref), collapsed(prod), 1e-4)).toBe(0);
  });
});

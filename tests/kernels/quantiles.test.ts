import { beforeAll, describe, expect, it } from 'vitest';
import { linspace01, loadKernels, type DriftKernels } from '../../src/kernels/index.ts';
import { fixtures } from '../core/stattests/fixtures.ts';

let k: DriftKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('quantileSorted(ptr, n, q) = numpy.quantile(sorted, q), method linear', () => {
  for (const c of fixtures.quantiles) {
    it(`quantilesOfSorted(sorted, q): ${c.name}`, () => {
      const got = k.quantilesOfSorted(Float64Array.from(c.sorted), c.q);
      // Same operations as numpy's _lerp (incl. the t >= 0.5 branch): bound 1e-12 relative to the scale.
      got.forEach((v, i) => {
        const e = c.expected[i];
        expect(Math.abs(v - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e)));
      });
    });
  }

  it('quantilesOfSorted(empty, q) is NaN', () => {
    expect(Number.isNaN(k.quantilesOfSorted(new Float64Array(0), [0.5])[0])).toBe(true);
  });

  it('linspace01(11) is numpy.linspace(0, 1, 11) bit for bit', () => {
    // numpy: np.linspace(0, 1, 11)[3] == 0.30000000000000004, [-1] == 1.0
    const q = linspace01(11);
    expect(q[3]).toBe(0.30000000000000004);
    expect(q[10]).toBe(1);
    expect(Array.from(linspace01(2))).toEqual([0, 1]);
  });
});

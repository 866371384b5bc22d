import { describe, expect, it } from 'vitest';
import { populationStd, wassersteinDistance, wassersteinNormed } from '../../../src/core/stattests/wasserstein.ts';
import { driftFixtures, sorted, statClose } from './driftFixtures.ts';

describe('wassersteinDistance = scipy.stats.wasserstein_distance; normed by max(np.std(ref), 0.001) as Evidently', () => {
  for (const c of driftFixtures.numerical) {
    it(`${c.name}: raw, std and normed to 1e-9 relative`, () => {
      const r = wassersteinNormed(sorted(c.ref), sorted(c.prod));
      expect(statClose(r.distance, c.expected.wasserstein), `${r.distance} vs ${c.expected.wasserstein}`).toBe(true);
      expect(statClose(r.reference_std, c.expected.reference_std)).toBe(true);
      expect(statClose(r.value, c.expected.wasserstein_normed), `${r.value} vs ${c.expected.wasserstein_normed}`).toBe(true);
    });
  }

  it('is symmetric and 0 on equal samples, and refuses an empty sample', () => {
    const a = Float64Array.of(1, 2, 2, 7);
    const b = Float64Array.of(0, 3, 9);
    expect(wassersteinDistance(a, b)).toBeCloseTo(wassersteinDistance(b, a), 14);
    expect(wassersteinDistance(a, a)).toBe(0);
    expect(() => wassersteinDistance(a, new Float64Array())).toThrow(/non-empty/);
    expect(populationStd(Float64Array.of(2, 4))).toBe(1);
  });
});

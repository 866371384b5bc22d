import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KS_MAX_AUTO_N, ksTwoSamplePValue, kstwoSf } from '../../../src/core/special/index.ts';
import { fixture, withinKsTolerance, worstRelative } from './specialFixture.ts';

const cases = fixture.ks_2samp;
/** Computed once: the large exact cases (10000 x 9999 at d = 1) take a few hundred ms each. */
const results = cases.map((c) => ksTwoSamplePValue(c.d, c.n1, c.n2));

describe('ksTwoSamplePValue', () => {
  it(`ksTwoSamplePValue(d, n1, n2) matches scipy.stats.ks_2samp's p-value within 1e-6 absolute or 1e-4 relative (the KS p-value tolerance) on ${cases.length} cases`, () => {
    const bad = cases.map((c, i) => ({ ...c, got: results[i] })).filter((c) => !withinKsTolerance(c.got.p_value, c.p));
    expect(bad).toEqual([]);
  });

  it('ksTwoSamplePValue(d, n1, n2) reports the method scipy used (exact / asymp), fallbacks included', () => {
    const got = cases.map((c, i) => `${c.n1}x${c.n2} d=${c.d}: ${results[i].method}`);
    const want = cases.map((c) => `${c.n1}x${c.n2} d=${c.d}: ${c.method}`);
    expect(got).toEqual(want);
    // the fixture exercises both methods and scipy's exact -> asymp fallback (n1 == n2, h = 1)
    expect(cases.some((c) => c.method === 'asymp' && Math.max(c.n1, c.n2) <= KS_MAX_AUTO_N)).toBe(true);
    expect(cases.some((c) => c.method === 'exact' && c.n1 !== c.n2 && c.p > 1e-6 && c.p < 0.5)).toBe(true);
  });

  it('ksTwoSamplePValue(d, n1, n2) follows scipy to 1e-9 relative down to 1e-300 (measured max 1.5e-12)', () => {
    const indexed = cases.map((c, i) => ({ ...c, i }));
    const worst = worstRelative(
      indexed,
      (c) => results[c.i].p_value,
      (c) => c.p,
    );
    expect(worst.err, JSON.stringify(worst)).toBeLessThan(1e-9);
  });

  it("identical samples (d = 0) give p = 1 and disjoint samples (d = 1) give scipy's p", () => {
    for (const [i, c] of cases.entries()) {
      if (c.sample !== 'identical' && c.sample !== 'disjoint') continue;
      const got = results[i];
      expect(got.p_value, JSON.stringify(c)).toBeCloseTo(c.p, 12);
      expect(got.method).toBe(c.method);
      if (c.sample === 'identical') expect(got.p_value).toBe(1);
    }
  });

  it('asymp uses kstwo.sf(d, round(n1 n2 / (n1 + n2))) with ties to even', () => {
    // 10001 x 10001: en = 5000.5 rounds to 5000 (numpy.round), not 5001
    expect(ksTwoSamplePValue(0.02, 10001, 10001)).toEqual({ p_value: kstwoSf(0.02, 5000), method: 'asymp' });
  });

  it('ksTwoSamplePValue rejects sample sizes that are not positive integers', () => {
    expect(() => ksTwoSamplePValue(0.1, 0, 5)).toThrow(RangeError);
    expect(() => ksTwoSamplePValue(0.1, 5, 2.5)).toThrow(RangeError);
  });

  it('ksTwoSamplePValue(d, n1, n2) is in [0, 1], symmetric in (n1, n2), non-increasing in d, exact iff max(n1, n2) <= 10000 unless it fell back (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, a, b) => {
          const [d1, d2] = a <= b ? [a, b] : [b, a];
          const r1 = ksTwoSamplePValue(d1, n1, n2);
          const r2 = ksTwoSamplePValue(d2, n1, n2);
          const swapped = ksTwoSamplePValue(d1, n2, n1);
          const inRange = r1.p_value >= 0 && r1.p_value <= 1 && r2.p_value >= 0 && r2.p_value <= 1;
          // monotone within one method; a fallback to 'asymp' (only at h = 1) may differ by ~1e-4
          const monotone = r1.method !== r2.method || r2.p_value <= r1.p_value + 1e-12;
          return inRange && monotone && swapped.p_value === r1.p_value && swapped.method === r1.method;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ksTwoSamplePValue(d, 10000, 9000) runs the exact O(n1 n2) path for any d within the test timeout', () => {
    // measured (idle machine, Node 20): <= ~250 ms at the worst d; benchmark numbers live outside tests
    for (const d of [0.05, 0.3, 0.6, 0.95]) {
      const r = ksTwoSamplePValue(d, 10000, 9000);
      expect(r.method).toBe('exact');
      expect(r.p_value).toBeGreaterThanOrEqual(0);
    }
  });
});

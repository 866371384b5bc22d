import { describe, expect, it } from 'vitest';
import { gammaln, lgam1p, log1pmx } from '../../../src/core/special/index.ts';
import { fixture } from './specialFixture.ts';

describe('gammaln', () => {
  it('gammaln(a) matches scipy.special.gammaln to 5e-15 * max(1, |value|) (measured 2.0e-15, at a = 1.1)', () => {
    // Absolute error is what matters where gammaln feeds exp(); near the zeros a = 1, 2 the
    // relative error of any double implementation is unbounded. Below a = 10 the recurrence
    // subtracts log(a (a+1) ... ) ~ 13 from gammaln(a + k) ~ 13: a few eps * 13 absolute.
    for (const c of fixture.gammaln) {
      const err = Math.abs(gammaln(c.a) - c.gammaln);
      expect(err, JSON.stringify(c)).toBeLessThanOrEqual(5e-15 * Math.max(1, Math.abs(c.gammaln)));
    }
  });

  it('gammaln(a) is NaN for a <= 0 and log(n - 1)! at integers', () => {
    expect(gammaln(0)).toBeNaN();
    expect(gammaln(-1)).toBeNaN();
    expect(gammaln(5)).toBeCloseTo(Math.log(24), 14);
  });

  it('lgam1p(x) = gammaln(1 + x) keeps its relative accuracy near 0 (DLMF 5.7.3 first terms)', () => {
    // lgamma(1 + x) = -gamma x + zeta(2) x^2 / 2 - ... ; for x = 1e-8 the first two terms suffice
    const x = 1e-8;
    const expected = -0.5772156649015329 * x + ((Math.PI ** 2 / 6) * x * x) / 2;
    expect(Math.abs(lgam1p(x) - expected) / Math.abs(expected)).toBeLessThan(1e-14);
    expect(lgam1p(0)).toBe(0);
    expect(lgam1p(3)).toBeCloseTo(Math.log(6), 14);
  });

  it('log1pmx(x) = log(1 + x) - x without cancellation near 0', () => {
    expect(log1pmx(1e-10)).toBeCloseTo(-5e-21, 30);
    let series = 0; // -x^2/2 + x^3/3 - ..., summed smallest term first
    for (let k = 12; k >= 2; k--) series += ((k % 2 ? 1 : -1) * 1e-3 ** k) / k;
    expect(Math.abs(log1pmx(1e-3) - series) / Math.abs(series)).toBeLessThan(1e-15);
    expect(log1pmx(2)).toBeCloseTo(Math.log(3) - 2, 15);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chi2Sf } from '../../../src/core/special/index.ts';
import { fixture, worstRelative } from './specialFixture.ts';

describe('chi2Sf', () => {
  it(`chi2Sf(x, dof) matches scipy.stats.chi2.sf to 1e-12 relative on ${fixture.chi2_sf.length} cases, dof up to 1000 (measured max 7e-15)`, () => {
    const worst = worstRelative(
      fixture.chi2_sf,
      (c) => chi2Sf(c.x, c.dof),
      (c) => c.sf,
    );
    expect(worst.err, JSON.stringify(worst)).toBeLessThan(1e-12);
  });

  it('chi2Sf(0, dof) = 1, chi2Sf(x, dof <= 0) = NaN', () => {
    for (const k of [1, 2, 7, 1000]) expect(chi2Sf(0, k)).toBe(1);
    expect(chi2Sf(1, 0)).toBeNaN();
    expect(chi2Sf(Number.NaN, 3)).toBeNaN();
    expect(chi2Sf(3.841458820694124, 1)).toBeCloseTo(0.05, 14); // scipy.stats.chi2.ppf(0.95, 1)
  });

  it('chi2Sf(x, 2) = exp(-x / 2) and chi2Sf is in [0, 1], non-increasing in x (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1400, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (x, y, dof) => {
          // exponent rounding gives ~eps * x / 2 relative error, as in scipy (see gammaincc tests)
          const two = Math.abs(chi2Sf(x, 2) - Math.exp(-x / 2)) <= 4e-16 * (8 + x / 2) * Math.exp(-x / 2);
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const p = chi2Sf(lo, dof);
          return two && p >= 0 && p <= 1 && chi2Sf(hi, dof) <= p;
        },
      ),
      { numRuns: 300 },
    );
  });
});

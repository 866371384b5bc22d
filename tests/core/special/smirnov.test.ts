import { describe, expect, it } from 'vitest';
import { smirnov } from '../../../src/core/special/index.ts';
import { fixture, worstRelative } from './specialFixture.ts';

describe('smirnov', () => {
  it(`smirnov(n, x) matches scipy.special.smirnov to 1e-9 relative on ${fixture.smirnov.length} cases (measured max 1.6e-11)`, () => {
    // cephes sums in double-double, this port in logs: relative error ~ n * eps per term.
    const worst = worstRelative(
      fixture.smirnov,
      (c) => smirnov(c.n, c.x),
      (c) => c.sf,
    );
    expect(worst.err, JSON.stringify(worst)).toBeLessThan(1e-9);
  });

  it('smirnov(n, x) is exactly 0 / 1 where scipy is', () => {
    for (const c of fixture.smirnov) {
      if (c.sf === 0 || c.sf === 1) expect(smirnov(c.n, c.x), JSON.stringify(c)).toBe(c.sf);
    }
  });

  it('smirnov(n, x) is NaN outside 0 <= x <= 1', () => {
    expect(smirnov(5, -0.1)).toBeNaN();
    expect(smirnov(5, 1.1)).toBeNaN();
    expect(smirnov(5, Number.NaN)).toBeNaN();
  });
});

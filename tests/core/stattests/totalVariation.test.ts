import { describe, expect, it } from 'vitest';
import { totalVariation } from '../../../src/core/stattests/totalVariation.ts';
import { fixtures } from './fixtures.ts';

describe('totalVariation(refCounts, prodCounts)', () => {
  it('totalVariation([50, 50, 0], [25, 50, 25]) is 0.25', () => {
    expect(totalVariation([50, 50, 0], [25, 50, 25])).toBe(0.25);
  });

  it('totalVariation of disjoint supports is 1', () => {
    expect(totalVariation([3, 0], [0, 9])).toBe(1);
  });

  for (const c of fixtures.categorical) {
    it(`totalVariation matches numpy: ${c.name}`, () => {
      // Plain proportions, same operations; only summation order differs: 1e-12.
      expect(Math.abs(totalVariation(c.expected.ref_counts, c.expected.prod_counts) - c.expected.total_variation)).toBeLessThanOrEqual(
        1e-12,
      );
    });
  }
});

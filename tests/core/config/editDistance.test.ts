import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from '../../../src/core/config/editDistance.ts';

describe('editDistance(a, b)', () => {
  it('editDistance counts insertions, deletions and substitutions (textbook values)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ks_statistc', 'ks_statistic')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('is a metric: symmetric, zero only for equal strings, triangle inequality', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });
});

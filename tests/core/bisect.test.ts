import { describe, expect, it } from 'vitest';
import { lowerBound, upperBound } from '../../src/core/bisect.ts';

// Expected indices are Python's bisect.bisect_right / bisect.bisect_left on the same lists.
describe('bisect', () => {
  const a = [1, 2, 2, 2, 5];
  it('upperBound is bisect_right', () => {
    expect([0, 1, 2, 3, 5, 6].map((x) => upperBound(a, x))).toEqual([0, 1, 4, 4, 5, 5]);
    expect(upperBound(new Float64Array(a), 2)).toBe(4);
    expect(upperBound([], 1)).toBe(0);
  });
  it('lowerBound is bisect_left', () => {
    expect([0, 1, 2, 3, 5, 6].map((x) => lowerBound(a, x))).toEqual([0, 0, 1, 4, 4, 5]);
    expect(lowerBound(new Float64Array(a), 2)).toBe(1);
    expect(lowerBound([], 1)).toBe(0);
  });
});

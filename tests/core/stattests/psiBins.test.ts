import { describe, expect, it } from 'vitest';
import { nextUp, psiBins } from '../../../src/core/stattests/psiBins.ts';

describe('psiBins(quantiles)', () => {
  it('keeps distinct inner quantiles as they are (numpy.histogram edges)', () => {
    const b = psiBins([0, 1, 2, 3, 4]);
    expect(b.edges).toEqual([1, 2, 3]);
    expect(b.pointMasses).toEqual([]);
    expect(Array.from(b.thresholds)).toEqual([1, 2, 3]);
  });

  it('gives a value on which inner quantiles collapse its own bin, listed twice in the edges', () => {
    const b = psiBins([-1, -1, -1, -1, 5, 9]);
    expect(b.edges).toEqual([-1, -1, 5]);
    expect(b.pointMasses).toEqual([-1]);
    // [-1, nextUp(-1)) holds exactly -1.
    expect(Array.from(b.thresholds)).toEqual([-1, nextUp(-1), 5]);
  });

  it('a value equal to the minimum quantile and one inner edge only is not a point mass (edges distinct)', () => {
    expect(psiBins([0, 0, 1, 2]).pointMasses).toEqual([]);
  });

  it('handles two masses, all values equal and bins = 1', () => {
    expect(psiBins([-3, 0, 0, 1, 1, 1, 4]).edges).toEqual([0, 0, 1, 1]);
    expect(psiBins([7, 7, 7, 7]).edges).toEqual([7, 7]);
    expect(psiBins([2, 3]).edges).toEqual([]);
  });
});

describe('nextUp(x)', () => {
  it('is the next double above x', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    for (const x of [-1e300, -3.5, 1e-310, 0.1, 123456.789]) {
      expect(nextUp(x)).toBeGreaterThan(x);
      expect((x + nextUp(x)) / 2 === x || (x + nextUp(x)) / 2 === nextUp(x)).toBe(true);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfEven } from '../../../src/core/special/roundHalfEven.ts';

describe('roundHalfEven', () => {
  it('roundHalfEven(x) rounds ties to even like numpy.round (values from Python round())', () => {
    expect([0.5, 1.5, 2.5, 3.5, -1.5, -2.5, 5000.5, 2.4999999, 2.5000001].map(roundHalfEven)).toEqual([0, 2, 2, 4, -2, -2, 5000, 2, 3]);
  });

  it('roundHalfEven(x) is within 1/2 of x and equals Math.round off ties (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const r = roundHalfEven(x);
        const tie = x - Math.floor(x) === 0.5;
        return Math.abs(r - x) <= 0.5 && (tie ? r % 2 === 0 : r === Math.round(x));
      }),
    );
  });
});

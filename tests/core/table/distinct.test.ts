import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countDistinctNumbers, isSmallInteger } from '../../../src/core/table/distinct.ts';

describe('countDistinctNumbers(arrays, cap)', () => {
  it('countDistinctNumbers counts like a Set (0 and -0 one value, NaN none), capped at cap + 1 (property)', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom(NaN, -0, -1, 0.5, 65535, 65536, 2 ** 32, -2.25),
      fc.double({ noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 50 }), { maxLength: 3 }), fc.integer({ min: 0, max: 60 }), (arrays, cap) => {
        const distinct = new Set(arrays.flat().filter((v) => v === v)).size;
        expect(
          countDistinctNumbers(
            arrays.map((a) => Float64Array.from(a)),
            cap,
          ),
        ).toBe(Math.min(distinct, cap + 1));
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('isSmallInteger takes 0..65535 (and -0) only', () => {
    for (const v of [0, -0, 1, 65535]) expect(isSmallInteger(v), String(v)).toBe(true);
    for (const v of [-1, 0.5, 65536, 2 ** 32, NaN, Infinity]) expect(isSmallInteger(v), String(v)).toBe(false);
  });
});

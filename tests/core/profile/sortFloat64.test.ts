import { describe, expect, it } from 'vitest';
import { sortFloat64 } from '../../../src/core/profile/sortFloat64.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';

function check(xs: Float64Array): void {
  const expected = Float64Array.from(xs).sort();
  const got = Float64Array.from(xs);
  sortFloat64(got);
  expect(got.every((v, i) => Object.is(v, expected[i]))).toBe(true);
}

describe('sortFloat64', () => {
  it('sorts like Float64Array.prototype.sort: signs, zeros, infinities, ties, tiny and huge values', () => {
    const r = mulberry32(1);
    const special = [0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];
    for (const n of [0, 1, 511, 512, 513, 5000, 100_000]) {
      check(
        Float64Array.from({ length: n }, (_, i) =>
          i % 17 === 0 ? special[i % special.length] : (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20),
        ),
      );
      check(Float64Array.from({ length: n }, () => Math.round(r() * 50) - 25));
    }
  });

  it('sorts a subarray in place without touching its neighbours', () => {
    const r = mulberry32(2);
    const all = Float64Array.from({ length: 3000 }, () => r() - 0.5);
    const copy = Float64Array.from(all);
    sortFloat64(all.subarray(1000, 2500));
    expect(Array.from(all.subarray(0, 1000))).toEqual(Array.from(copy.subarray(0, 1000)));
    expect(Array.from(all.subarray(2500))).toEqual(Array.from(copy.subarray(2500)));
    expect(Array.from(all.subarray(1000, 2500))).toEqual(Array.from(copy.subarray(1000, 2500).sort()));
  });
});

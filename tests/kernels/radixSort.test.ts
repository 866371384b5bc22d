import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels, type DriftKernels } from '../../src/kernels/index.ts';

let k: DriftKernels;
beforeAll(async () => {
  k = await loadKernels();
});

function expectSameOrder(actual: Float64Array, input: Float64Array) {
  const expected = input.filter((v) => !Number.isNaN(v)).sort();
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    // Object.is tells -0 from +0: Float64Array.prototype.sort puts -0 first, so must the radix sort.
    if (!Object.is(actual[i], expected[i])) throw new Error(`index ${i}: ${actual[i]} !== ${expected[i]}`);
  }
}

describe('radixSort (via sortedWithoutNaN)', () => {
  it('sortedWithoutNaN(x) matches Float64Array.prototype.sort on 200k random doubles', () => {
    const x = new Float64Array(200_000);
    let s = 12345;
    for (let i = 0; i < x.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      x[i] = (s / 2 ** 32 - 0.5) * 10 ** ((i % 13) - 6);
    }
    expectSameOrder(k.sortedWithoutNaN(x), x);
  });

  it('sortedWithoutNaN(x) orders negatives, -0, +0, ±inf, subnormals and extremes', () => {
    const x = Float64Array.of(
      0,
      -0,
      Infinity,
      -Infinity,
      5e-324,
      -5e-324,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      1,
      -1,
      0,
      -0,
      2.5,
      -2.5,
      1e-300,
      -1e300,
      NaN,
      3,
      NaN,
      -0,
    );
    expectSameOrder(k.sortedWithoutNaN(x), x);
  });

  it('sortedWithoutNaN(x) handles empty, single, all-NaN and constant inputs (trivial passes skipped)', () => {
    expectSameOrder(k.sortedWithoutNaN(new Float64Array(0)), new Float64Array(0));
    expectSameOrder(k.sortedWithoutNaN(Float64Array.of(7)), Float64Array.of(7));
    expect(k.sortedWithoutNaN(Float64Array.of(NaN, NaN)).length).toBe(0);
    const c = new Float64Array(1000).fill(3.25);
    expectSameOrder(k.sortedWithoutNaN(c), c);
    const ints = Float64Array.from({ length: 5000 }, (_, i) => (i * 7919) % 37);
    expectSameOrder(k.sortedWithoutNaN(ints), ints);
  });

  it('sortedWithoutNaN(x) matches Float64Array.prototype.sort for arbitrary doubles (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 300 }), (xs) => {
        const x = Float64Array.from(xs);
        expectSameOrder(k.sortedWithoutNaN(x), x);
      }),
      { numRuns: 300 },
    );
  });
});

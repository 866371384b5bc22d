import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels, type DriftKernels } from '../../src/kernels/index.ts';

let k: DriftKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('countCodes(codes, k)', () => {
  it('countCodes(codes, 3) counts 0..2 and ignores -1 and out-of-range codes', () => {
    expect(Array.from(k.countCodes(Int32Array.of(0, 1, 1, -1, 2, 2, 2, 3, -7), 3))).toEqual([1, 2, 3]);
    expect(Array.from(k.countCodes(new Int32Array(0), 2))).toEqual([0, 0]);
  });

  it('countCodes(codes, k) equals a plain JS count (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: -1, max: 39 }), { maxLength: 500 }), (n, xs) => {
        const expected = new Array(n).fill(0);
        for (const c of xs) if (c >= 0 && c < n) expected[c]++;
        expect(Array.from(k.countCodes(Int32Array.from(xs), n))).toEqual(expected);
      }),
    );
  });
});

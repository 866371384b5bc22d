import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels, type DriftKernels } from '../../src/kernels/index.ts';
import { fixtures, toFloat64 } from '../core/stattests/fixtures.ts';
import { outOfRangeFromKernel, outOfRangeFromValues } from '../../src/core/quality/outOfRange.ts';

let k: DriftKernels;
beforeAll(async () => {
  k = await loadKernels();
});

describe('numerical(ref, prod, bins) against numpy/scipy (tests/fixtures/stattests.json)', () => {
  for (const c of fixtures.numerical) {
    it(`numerical(ref, prod, ${c.bins}): ${c.name}`, () => {
      const r = k.numerical(toFloat64(c.ref), toFloat64(c.prod), c.bins);
      expect(r.nRef).toBe(c.expected.n_ref);
      expect(r.nProd).toBe(c.expected.n_prod);
      // D is count/n differences computed like scipy: acceptance bound 1e-9 (observed: identical).
      expect(Math.abs(r.d - c.expected.statistic)).toBeLessThanOrEqual(1e-9);
      // The quantile kernel follows numpy's _lerp step by step: bound 1e-12 (observed: identical).
      expect(r.quantiles.length).toBe(c.bins + 1);
      r.quantiles.forEach((q, i) => expect(Math.abs(q - c.expected.quantiles[i])).toBeLessThanOrEqual(1e-12));
      // Edges and point masses by the rule of psiBins.ts, counts integers: exact.
      expect(r.edges).toEqual(c.expected.psi_edges);
      expect(r.pointMasses).toEqual(c.expected.psi_point_masses);
      expect(Array.from(r.refCounts)).toEqual(c.expected.ref_counts);
      expect(Array.from(r.prodCounts)).toEqual(c.expected.prod_counts);
    });
  }

  it('numerical(ref, prod, bins) gives D = 0 and empty counts when a sample has no values', () => {
    const r = k.numerical(Float64Array.of(NaN), Float64Array.of(1, 2), 4);
    expect(r.nRef).toBe(0);
    expect(r.nProd).toBe(2);
    expect(r.d).toBe(0);
    expect(Array.from(r.refCounts)).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.prodCounts)).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.quantiles).every(Number.isNaN)).toBe(true);
  });

  it('numerical(ref, prod, bins) rejects a non-positive bin count', () => {
    expect(() => k.numerical(Float64Array.of(1), Float64Array.of(2), 0)).toThrow(/bins/);
  });
});

describe('numerical(ref, prod, bins).range', () => {
  /** A seeded generator (mulberry32), so a failure repeats. */
  function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  /** Values drawn from a small set with zeros of both signs and NaN, so ties and zero bounds are common. */
  function sample(next: () => number, n: number, pool: readonly number[]): Float64Array {
    return Float64Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]);
  }

  it("gives outOfRangeFromValues' figures (zeros of one sign, ties, NaN, no reference values) and is absent only for a zero bound with a -0 in the reference", () => {
    const next = random(11);
    const pools = [[1, 2, 3, NaN, -4.5, 7.25], [0, 1, 2, NaN], [-0, -1, -2, NaN], [-0, 0, 1, -1], [0, -0], [NaN], [5, 0, -0, NaN, 9]];
    let absent = 0;
    for (let i = 0; i < 400; i++) {
      const ref = sample(next, Math.floor(next() * 30), pools[i % pools.length]);
      const prod = sample(next, Math.floor(next() * 30), pools[(i * 3 + 1) % pools.length]);
      const r = k.numerical(ref, prod, 4);
      const expected = outOfRangeFromValues('x', ref, prod);
      const values = [...ref].filter((v) => v === v);
      const zeroBound = values.length > 0 && (Math.min(...values) === 0 || Math.max(...values) === 0);
      if (zeroBound && values.some((v) => Object.is(v, -0))) {
        expect(r.range).toBeUndefined();
        absent++;
        continue;
      }
      expect(r.range).toBeDefined();
      expect(outOfRangeFromKernel('x', r.range!, r.nProd)).toEqual(expected);
      // toEqual tells -0 from 0: the bounds keep the sign of the first such value in the file.
      expect(Object.is(outOfRangeFromKernel('x', r.range!, r.nProd).reference_min, expected.reference_min)).toBe(true);
    }
    expect(absent).toBeGreaterThan(0);
  });
});

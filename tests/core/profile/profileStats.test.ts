import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ColumnProfileBuilder, DEFAULT_PROFILE_CONFIG } from '../../../src/core/profile/profileBuilder.ts';
import type { NumberSummary } from '../../../src/core/profile/columnProfile.ts';
import { exactQuantiles, ksFromNumbers, profileQuantiles } from '../../../src/core/profile/profileStats.ts';
import { rankErrorBound } from '../../../src/core/profile/kllSketch.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { normalSampler } from '../../../src/core/samples/normalSampler.ts';
import { fixtures, toFloat64 } from '../stattests/fixtures.ts';
import { loadKernels, type DriftKernels } from '../../../src/kernels/index.ts';

let kernels: DriftKernels;
beforeAll(async () => {
  kernels = await loadKernels();
});

function numericalProfile(xs: Float64Array, maxExactValues = 100_000, seed = 1): NumberSummary {
  const b = new ColumnProfileBuilder('x', { ...DEFAULT_PROFILE_CONFIG, maxExactValues, sketchSeed: seed });
  b.addColumn(
    {
      name: 'x',
      values: xs,
      codes: null,
      dictionary: null,
      missing: xs.filter((x) => x !== x).length,
      nonNumeric: 0,
      firstNonNumeric: null,
    },
    xs.length,
  );
  return b.build().numbers;
}

function exact(p: NumberSummary): { values: Float64Array; counts: Float64Array } {
  if (p.mode !== 'exact') throw new Error('expected exact numbers');
  return p;
}

describe('KS D and quantiles from exact profiles equal scipy/numpy on the raw samples (tests/fixtures/stattests.json)', () => {
  for (const c of fixtures.numerical) {
    it(c.name, () => {
      const ref = numericalProfile(toFloat64(c.ref));
      const prod = numericalProfile(toFloat64(c.prod));
      expect(ref.mode).toBe('exact');
      const ks = ksFromNumbers(ref, prod);
      // Bit for bit the engine's KS kernel on the raw samples (wasm/ksSorted.ts)...
      expect(ks.statistic).toBe(kernels.numerical(toFloat64(c.ref), toFloat64(c.prod), c.bins).d);
      // ...and scipy.stats.ks_2samp, which in exact mode rounds D to a multiple of 1/lcm(n1, n2): last bit.
      expect(Math.abs(ks.statistic - c.expected.statistic)).toBeLessThanOrEqual(1e-15);
      expect(ks.bound).toBe(0);
      expect(ksFromNumbers(prod, ref).statistic).toBe(ks.statistic);
      const qs = Array.from({ length: c.bins + 1 }, (_, i) => i / c.bins);
      // numpy.linspace(0, 1, bins + 1) can differ from i / bins in the last bit; use numpy's grid where it matters.
      const got = exactQuantiles(exact(ref).values, exact(ref).counts, qs);
      got.forEach((v, i) =>
        expect(v === c.expected.quantiles[i] || Math.abs(v - c.expected.quantiles[i]) <= 1e-12 * Math.abs(v)).toBe(true),
      );
    });
  }
  for (const c of fixtures.quantiles) {
    it(`quantiles: ${c.name}`, () => {
      const p = exact(numericalProfile(Float64Array.from(c.sorted)));
      const got = exactQuantiles(p.values, p.counts, c.q);
      got.forEach((v, i) => expect(v === c.expected[i]).toBe(true));
    });
  }
});

type Shape = 'normal' | 'ties' | 'pointMass' | 'uniform' | 'bimodal';
function sample(shape: Shape, n: number, seed: number, shift: number): Float64Array {
  const random = mulberry32(seed);
  const normal = normalSampler(random);
  return Float64Array.from({ length: n }, () => {
    switch (shape) {
      case 'normal':
        return normal() + shift;
      case 'ties':
        return Math.round(normal() * 3 + shift);
      case 'pointMass':
        return random() < 0.6 ? 0 : normal() + shift;
      case 'uniform':
        return random() + shift;
      case 'bimodal':
        return (random() < 0.5 ? -2 : 2) + normal() * 0.5 + shift;
    }
  });
}

describe('KS D from sketch profiles', () => {
  it('|D_sketch - D_exact| <= eps_ref + eps_prod on many shapes', () => {
    const shapes: Shape[] = ['normal', 'ties', 'pointMass', 'uniform', 'bimodal'];
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.constantFrom(...shapes),
        fc.integer({ min: 2000, max: 20_000 }),
        fc.integer({ min: 2000, max: 20_000 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (shapeA, shapeB, nA, nB, seed, shift) => {
          const a = sample(shapeA, nA, seed, 0);
          const b = sample(shapeB, nB, seed + 1, shift);
          const whole = ksFromNumbers(numericalProfile(a), numericalProfile(b));
          // A small limit forces the continuous shapes into the sketch; the tie shapes stay exact.
          const sa = numericalProfile(a, 500, seed);
          const sb = numericalProfile(b, 500, seed + 2);
          const approx = ksFromNumbers(sa, sb);
          const eps = (p: NumberSummary) => (p.mode === 'sketch' && p.sketch.errorBound > 0 ? rankErrorBound(200) : 0);
          expect(approx.bound).toBe(eps(sa) + eps(sb));
          expect(Math.abs(approx.statistic - whole.statistic)).toBeLessThanOrEqual(approx.bound);
          const mixed = ksFromNumbers(numericalProfile(a), sb);
          expect(Math.abs(mixed.statistic - whole.statistic)).toBeLessThanOrEqual(mixed.bound);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sketch quantiles are within the rank bound', () => {
    const xs = sample('bimodal', 30_000, 4, 0);
    const p = numericalProfile(xs, 100);
    expect(p.mode).toBe('sketch');
    const sorted = Float64Array.from(xs).sort();
    profileQuantiles(p, [0.05, 0.5, 0.95]).forEach((x, i) => {
      const rank = sorted.findIndex((v) => v > x) / sorted.length;
      expect(Math.abs(rank - [0.05, 0.5, 0.95][i])).toBeLessThanOrEqual(rankErrorBound(200));
    });
  });
});

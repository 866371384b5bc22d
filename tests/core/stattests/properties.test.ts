import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../src/kernels/index.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { categoricalFeatureStats } from '../../../src/core/stattests/categoricalFeature.ts';
import { chiSquareHomogeneity } from '../../../src/core/stattests/chisquare.ts';
import { numericalFeatureStats } from '../../../src/core/stattests/numericalFeature.ts';
import { populationStabilityIndex } from '../../../src/core/stattests/psi.ts';
import { totalVariation } from '../../../src/core/stattests/totalVariation.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const sample = fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer({ min: -5, max: 5 })), {
  minLength: 1,
  maxLength: 200,
});
const counts = (len: number) => fc.array(fc.nat({ max: 1000 }), { minLength: len, maxLength: len });
const countPairs = fc
  .integer({ min: 1, max: 12 })
  .chain((len) => fc.tuple(counts(len), counts(len)))
  .filter(([a, b]) => a.some((x) => x > 0) && b.some((x) => x > 0));
const opts = { bins: 10, epsilon: 1e-4 };

describe('properties of the statistical tests', () => {
  it('numericalFeatureStats: D in [0, 1], PSI >= 0, p in [0, 1]', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const s = numericalFeatureStats(k, Float64Array.from(a), Float64Array.from(b), opts);
        expect(s.ks!.statistic).toBeGreaterThanOrEqual(0);
        expect(s.ks!.statistic).toBeLessThanOrEqual(1);
        expect(s.psi!.value).toBeGreaterThanOrEqual(0);
        expect(s.ks!.p_value).toBeGreaterThanOrEqual(0);
        expect(s.ks!.p_value).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('numericalFeatureStats(x, shuffled x): D = 0, PSI = 0, p = 1', () => {
    fc.assert(
      fc.property(sample, (a) => {
        const s = numericalFeatureStats(k, Float64Array.from(a), Float64Array.from(a).reverse(), opts);
        expect(s.ks!.statistic).toBe(0);
        expect(s.psi!.value).toBe(0);
        expect(s.ks!.p_value).toBeCloseTo(1, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('KS D is symmetric in its samples', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = k.numerical(Float64Array.from(a), Float64Array.from(b), 1).d;
        const ba = k.numerical(Float64Array.from(b), Float64Array.from(a), 1).d;
        expect(ab).toBe(ba);
      }),
    );
  });

  it('PSI bins: counts add up to n, edges ascend, a point mass bin holds exactly that value', () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: 1, max: 12 }), (a, b, bins) => {
        const ref = Float64Array.from(a);
        const prod = Float64Array.from(b);
        const r = k.numerical(ref, prod, bins);
        expect(r.refCounts.reduce((x, y) => x + y, 0)).toBe(ref.length);
        expect(r.prodCounts.reduce((x, y) => x + y, 0)).toBe(prod.length);
        expect(r.refCounts.length).toBe(r.edges.length + 1);
        expect(r.refCounts.length).toBeLessThanOrEqual(bins);
        r.edges.forEach((e, i) => i > 0 && expect(e).toBeGreaterThanOrEqual(r.edges[i - 1]));
        for (const v of r.pointMasses) {
          const bin = r.edges.indexOf(v) + 1;
          expect(r.edges[bin]).toBe(v);
          expect(r.refCounts[bin]).toBe(a.filter((x) => x === v).length);
          expect(r.prodCounts[bin]).toBe(b.filter((x) => x === v).length);
          // More than 1/bins of the reference: the deciles collapse only on such a value.
          expect(r.refCounts[bin]).toBeGreaterThan(ref.length / bins);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('PSI >= 0, total variation in [0, 1], chi-square p in [0, 1] for any counts', () => {
    fc.assert(
      fc.property(countPairs, ([a, b]) => {
        expect(populationStabilityIndex(a, b, 1e-4)).toBeGreaterThanOrEqual(0);
        const tv = totalVariation(a, b);
        expect(tv).toBeGreaterThanOrEqual(0);
        expect(tv).toBeLessThanOrEqual(1 + 1e-15);
        const keep = a.map((x, i) => x + b[i] > 0);
        const r = chiSquareHomogeneity(
          a.filter((_, i) => keep[i]),
          b.filter((_, i) => keep[i]),
        );
        expect(r.p_value).toBeGreaterThanOrEqual(0);
        expect(r.p_value).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('categoricalFeatureStats(codes, same codes): chi2 p = 1, PSI = 0, drift score 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 1, maxLength: 300 }).filter((xs) => xs.some((x) => x >= 0)),
        (xs) => {
          const codes = Int32Array.from(xs);
          const s = categoricalFeatureStats(k, codes, codes.slice().reverse(), ['a', 'b', 'c', 'd', 'e', 'f', 'g'], { epsilon: 1e-4 });
          expect(s.chi2!.statistic).toBe(0);
          expect(s.chi2!.p_value).toBe(1);
          expect(s.psi!.value).toBe(0);
          expect(s.drift_score).toBe(0);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ksLocation } from '../../../src/core/distribution/ksLocation.ts';
import { ecdfPoints } from '../../../src/core/distribution/ecdfPoints.ts';
import { histogramShares } from '../../../src/core/distribution/histogramShares.ts';
import { sortedFinite } from '../../../src/core/distribution/sortedFinite.ts';
import { categoricalDistribution } from '../../../src/core/distribution/categoricalDistribution.ts';
import { numericalDistribution } from '../../../src/core/distribution/numericalDistribution.ts';

/** Brute-force ECDF, independent of the merge walk under test. */
const ecdf = (xs: number[], x: number) => xs.filter((v) => v <= x).length / xs.length;
const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 });
// Float sums of shares: exact to a few ulps of 1 (at most 60 terms), so 1e-12 is generous.
const SUM_TOL = 12;

describe('ksLocation(ref, prod)', () => {
  it('ksLocation(ref, prod) on a hand example finds D = 0.5 at x = 2', () => {
    const loc = ksLocation(new Float64Array([1, 2, 3, 4]), new Float64Array([3, 4, 5, 6]));
    expect(loc).toEqual({ x: 2, reference: 0.5, production: 0, distance: 0.5 });
  });

  it('ksLocation(ref, prod) equals the brute-force sup |F_ref - F_prod| over all sample points', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const loc = ksLocation(sortedFinite(Float64Array.from(a)), sortedFinite(Float64Array.from(b)))!;
        const points = [...a, ...b];
        const sup = Math.max(...points.map((x) => Math.abs(ecdf(a, x) - ecdf(b, x))));
        expect(loc.distance).toBeCloseTo(sup, 12);
        expect(loc.reference).toBeCloseTo(ecdf(a, loc.x), 12);
        expect(loc.production).toBeCloseTo(ecdf(b, loc.x), 12);
      }),
    );
  });

  it('ksLocation(ref, prod) is null when a sample is empty', () => {
    expect(ksLocation(new Float64Array([]), new Float64Array([1]))).toBeNull();
  });
});

describe('ecdfPoints(sorted, maxPoints)', () => {
  it('ecdfPoints(sorted) gives the exact ECDF at every distinct value of a small sample', () => {
    fc.assert(
      fc.property(sample, (a) => {
        const pts = ecdfPoints(sortedFinite(Float64Array.from(a)));
        expect(pts.x).toEqual([...new Set(a)].sort((p, q) => p - q));
        pts.x.forEach((x, i) => expect(pts.y[i]).toBeCloseTo(ecdf(a, x), 12));
      }),
    );
  });

  it('ecdfPoints(sorted, 2000) downsamples 100k values to <= 2000 ascending points ending at (max, 1)', () => {
    const s = sortedFinite(Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 1000));
    const pts = ecdfPoints(s, 2000);
    expect(pts.x.length).toBeLessThanOrEqual(2000);
    expect(pts.x.length).toBeGreaterThan(1900);
    expect(pts.x[0]).toBe(s[0]);
    expect(pts.x.at(-1)).toBe(s[s.length - 1]);
    expect(pts.y.at(-1)).toBe(1);
    for (let i = 1; i < pts.x.length; i++) {
      expect(pts.x[i]).toBeGreaterThan(pts.x[i - 1]);
      expect(pts.y[i]).toBeGreaterThan(pts.y[i - 1]);
    }
  });
});

describe('histogramShares(ref, prod, bins)', () => {
  const real = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 });

  it('histogramShares(ref, prod, bins) gives bins + 1 edges over the combined range of real values, shares summing to 1', () => {
    fc.assert(
      fc.property(real, real, fc.integer({ min: 1, max: 50 }), (a, b, bins) => {
        fc.pre([...a, ...b].some((x) => !Number.isInteger(x)));
        const h = histogramShares(sortedFinite(Float64Array.from(a)), sortedFinite(Float64Array.from(b)), bins);
        const lo = Math.min(...a, ...b);
        const hi = Math.max(...a, ...b);
        const k = hi > lo ? bins : 1;
        expect(h.edges).toHaveLength(k + 1);
        expect(h.edges[0] - lo).toBe(0); // -0 and +0 are the same edge
        // lo + k * ((hi - lo) / k) rounds; relative error at most a few ulps of the range.
        expect(h.edges[k]).toBeCloseTo(hi, 9);
        expect(h.reference.reduce((s, x) => s + x, 0)).toBeCloseTo(1, SUM_TOL);
        expect(h.production.reduce((s, x) => s + x, 0)).toBeCloseTo(1, SUM_TOL);
      }),
    );
  });

  it('histogramShares(ref, prod, bins) centres integer-width bins on the integers of integer samples', () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: 1, max: 50 }), (a, b, bins) => {
        const h = histogramShares(sortedFinite(Float64Array.from(a)), sortedFinite(Float64Array.from(b)), bins);
        const lo = Math.min(...a, ...b);
        const hi = Math.max(...a, ...b);
        const width = h.edges[1] - h.edges[0];
        expect(Number.isInteger(width)).toBe(true);
        expect(h.reference.length).toBeLessThanOrEqual(bins);
        expect(h.edges[0]).toBe(lo - 0.5);
        expect(h.edges.at(-1)!).toBeGreaterThanOrEqual(hi + 0.5);
        expect(h.reference.reduce((s, x) => s + x, 0)).toBeCloseTo(1, SUM_TOL);
      }),
    );
  });

  it('histogramShares(ref, prod, 2) puts the maximum in the last, closed bin', () => {
    const h = histogramShares(new Float64Array([0, 1, 2.5]), new Float64Array([2.5, 2.5]), 2);
    expect(h.edges).toEqual([0, 1.25, 2.5]);
    expect(h.reference).toEqual([2 / 3, 1 / 3]);
    expect(h.production).toEqual([0, 1]);
  });

  it('histogramShares(ref, prod, 40) gives one bin per integer for ages 18-90', () => {
    const h = histogramShares(new Float64Array([18, 30, 90]), new Float64Array([20]), 40);
    expect(h.edges[1] - h.edges[0]).toBe(2);
    expect(h.edges[0]).toBe(17.5);
    expect(h.reference).toHaveLength(37);
  });
});

describe('numericalDistribution(feature, ref, prod)', () => {
  it('numericalDistribution(feature, ref, prod) drops NaN (missing) values before binning', () => {
    const d = numericalDistribution('x', new Float64Array([NaN, 1, 2]), new Float64Array([2, NaN]), { bins: 1 });
    expect(d.histogram.reference).toEqual([1]);
    expect(d.histogram.edges).toEqual([0.5, 2.5]);
    expect(d.ks).toEqual({ x: 1, reference: 0.5, production: 0, distance: 0.5 });
  });
});

describe('categoricalDistribution(feature, categories, refCounts, prodCounts, max)', () => {
  it('categoricalDistribution orders by combined share and folds the tail into other', () => {
    const d = categoricalDistribution('c', ['a', 'b', 'c', 'd'], [1, 5, 2, 2], [1, 1, 6, 2], 2);
    expect(d.categories).toEqual(['c', 'b']);
    expect(d.reference).toEqual([0.2, 0.5]);
    expect(d.production).toEqual([0.6, 0.1]);
    expect(d.other).toEqual({ categories: 2, reference: 0.3, production: 0.3 });
  });

  it('categoricalDistribution keeps hostile category text as data', () => {
    const evil = '<a href="javascript:alert(1)">x</a>';
    const d = categoricalDistribution('c', [evil], [3], [4]);
    expect(d.categories).toEqual([evil]);
    expect(d.other).toBeNull();
  });
});

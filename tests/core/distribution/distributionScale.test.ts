import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoricalDistribution } from '../../../src/core/distribution/categoricalDistribution.ts';
import { numericValue } from '../../../src/core/distribution/numericCategories.ts';
import { pooledSkewness } from '../../../src/core/distribution/skewness.ts';
import { suggestLogScale } from '../../../src/core/distribution/logScaleRule.ts';
import { logHistogramShares } from '../../../src/core/distribution/logHistogramShares.ts';
import { numericalDistribution } from '../../../src/core/distribution/numericalDistribution.ts';
import { sortedFinite } from '../../../src/core/distribution/sortedFinite.ts';

const f64 = (xs: number[]) => sortedFinite(Float64Array.from(xs));

describe('categoricalDistribution: category order', () => {
  it('numeric categories "1", "2", "10" come in numeric order, not by share and not as strings', () => {
    const d = categoricalDistribution('calls', ['1', '10', '2'], [5, 30, 10], [5, 30, 10]);
    expect(d.categories).toEqual(['1', '2', '10']);
    expect(d.reference).toEqual([5 / 45, 10 / 45, 30 / 45]);
  });

  it('negative and decimal numbers order numerically; text categories stay largest first', () => {
    expect(categoricalDistribution('x', ['0.5', '-3', '12', '-10'], [1, 1, 1, 1], [1, 1, 1, 1]).categories).toEqual([
      '-10',
      '-3',
      '0.5',
      '12',
    ]);
    expect(categoricalDistribution('x', ['b', 'a', '10'], [1, 5, 3], [1, 5, 3]).categories).toEqual(['a', '10', 'b']);
  });

  it('the largest categories are kept and the rest folded before the numeric ordering', () => {
    const cats = Array.from({ length: 12 }, (_, i) => String(i + 1)); // "1" .. "12"
    const counts = cats.map((_, i) => (i % 2 ? 100 : 1)); // even numbers are large
    const d = categoricalDistribution('x', cats, counts, counts, 6);
    expect(d.categories).toEqual(['2', '4', '6', '8', '10', '12']);
    expect(d.other).toMatchObject({ categories: 6 });
  });

  it('numericValue reads plain decimals only: "0x10", "Infinity", "" and "1,5" stay text', () => {
    expect(['1', '-2.5', '.5', '1e3', '+7'].map(numericValue)).toEqual([1, -2.5, 0.5, 1000, 7]);
    expect(['0x10', 'Infinity', '', ' ', '1,5', 'NaN', 'one'].map(numericValue)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('pooledSkewness and the log-scale rule', () => {
  it('pooledSkewness of [0, 0, 0, 3] is 2 / sqrt(3) (m2 = 27/16, m3 = 81/32, by hand)', () => {
    expect(pooledSkewness(f64([0, 0]), f64([0, 3]))).toBeCloseTo(2 / Math.sqrt(3), 14);
  });

  it('pooledSkewness pools both files, is 0 for a symmetric sample, flips sign under x -> -x, and is null for equal values', () => {
    expect(pooledSkewness(f64([1, 2]), f64([3]))).toBeCloseTo(0, 14);
    expect(pooledSkewness(f64([1e9 + 0.1, 1e9 + 0.1]), f64([1e9 + 0.1]))).toBeNull();
    expect(pooledSkewness(f64([5]), f64([]))).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 40 }), (xs) => {
        fc.pre(new Set(xs).size > 1);
        const s = pooledSkewness(f64(xs), f64([]))!;
        expect(pooledSkewness(f64(xs.map((x) => -x)), f64([]))).toBeCloseTo(-s, 9);
        expect(pooledSkewness(f64(xs.map((x) => 3 * x + 7)), f64([]))).toBeCloseTo(s, 9); // location and scale free
      }),
    );
  });

  it('suggestLogScale: on only when every value is above 0 and the skewness is above 1', () => {
    expect(suggestLogScale(1.5, 0.1)).toBe(true);
    expect(suggestLogScale(1, 0.1)).toBe(false); // the threshold itself is not "above"
    expect(suggestLogScale(5, 0)).toBe(false); // a zero cannot be shown on a log axis
    expect(suggestLogScale(-3, 1)).toBe(false); // left skew: a log scale would squeeze it further
    expect(suggestLogScale(null, 1)).toBe(false);
  });

  it('numericalDistribution suggests a log scale for a long right tail and not for a uniform sample', () => {
    // 1, 2, 4, ..., 2^19: strongly right-skewed, all positive.
    const tail = Float64Array.from({ length: 20 }, (_, i) => 2 ** i);
    const skewed = numericalDistribution('x', tail, tail);
    expect(skewed.skewness!).toBeGreaterThan(1);
    expect(skewed.logSuggested).toBe(true);
    const flat = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(numericalDistribution('y', flat, flat).logSuggested).toBe(false);
    const withZero = Float64Array.from([0, ...tail]);
    const z = numericalDistribution('z', withZero, withZero);
    expect(z.logSuggested).toBe(false);
    expect(z.logHistogram).toBeNull();
  });
});

describe('logHistogramShares(ref, prod, bins)', () => {
  it('gives log-spaced edges from the smallest to the largest value and shares summing to 1', () => {
    const h = logHistogramShares(f64([1.5, 20, 200]), f64([1500, 800]), 3)!;
    expect(h.edges).toHaveLength(4);
    expect(h.edges[0]).toBe(1.5);
    expect(h.edges[3]).toBe(1500);
    expect(h.edges[1]).toBeCloseTo(15, 12);
    expect(h.edges[2]).toBeCloseTo(150, 12);
    expect(h.reference).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(h.production).toEqual([0, 0, 1]);
  });

  it('integer data: edges at k + 0.5, each integer in exactly one bin, no empty bins between small counts', () => {
    const ref = f64([1, 1, 2, 3, 3, 3, 50, 400]);
    const h = logHistogramShares(ref, f64([2, 5, 7]), 40)!;
    for (const e of h.edges) expect(e % 1).toBe(0.5);
    expect(h.edges[0]).toBe(0.5);
    expect(h.edges.at(-1)).toBe(400.5);
    // The first bins hold exactly the integers 1, 2, 3 (no empty bin between them).
    expect(h.edges.slice(0, 4)).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(h.reference.slice(0, 3)).toEqual([2 / 8, 1 / 8, 3 / 8]);
    expect(h.reference.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(h.production.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it('is null when a value is 0 or negative', () => {
    expect(logHistogramShares(f64([0, 1]), f64([2]))).toBeNull();
    expect(logHistogramShares(f64([1]), f64([-2, 3]))).toBeNull();
  });
});

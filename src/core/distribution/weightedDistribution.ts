/**
 * The explorer's numerical view (numericalDistribution.ts) from distinct values with counts instead of
 * raw rows: what a reference profile holds (exact values, or a KLL sketch's retained items with their
 * weights). Each function follows its raw twin rule for rule (same bins, edges, ECDF ranks and KS walk),
 * so on an exact profile the view equals the raw one: a value with count c counts as c rows.
 */
import { lowerBound, upperBound } from '../bisect.ts';
import type { EcdfPoints, Histogram, KsLocation, NumericalDistribution } from './types.ts';
import { suggestLogScale } from './logScaleRule.ts';
import { linearBins } from './histogramShares.ts';
import { logEdges } from './logHistogramShares.ts';

/** Distinct values ascending with their (positive) counts. */
export interface WeightedSample {
  values: Float64Array;
  counts: Float64Array;
}

/** Distinct values ascending with their counts, from an ascending list of values with cumulative counts. */
export function fromCumulative(values: Float64Array, cumWeights: Float64Array): WeightedSample {
  const counts = new Float64Array(values.length);
  let before = 0;
  for (let i = 0; i < values.length; i++) {
    counts[i] = cumWeights[i] - before;
    before = cumWeights[i];
  }
  return { values, counts };
}

/** As numericalDistribution(), on two weighted samples. */
export function weightedDistribution(
  feature: string,
  ref: WeightedSample,
  prod: WeightedSample,
  opts: { bins?: number; maxPoints?: number } = {},
): NumericalDistribution {
  const skewness = weightedSkewness(ref, prod);
  const min = Math.min(ref.values.length ? ref.values[0] : Infinity, prod.values.length ? prod.values[0] : Infinity);
  return {
    kind: 'numerical',
    feature,
    histogram: weightedHistogram(ref, prod, opts.bins ?? 40),
    logHistogram: weightedLogHistogram(ref, prod, opts.bins ?? 40),
    skewness,
    logSuggested: suggestLogScale(skewness, min),
    ecdf: { reference: weightedEcdf(ref, opts.maxPoints), production: weightedEcdf(prod, opts.maxPoints) },
    ks: weightedKsLocation(ref, prod),
  };
}

function total(s: WeightedSample): number {
  let n = 0;
  for (let i = 0; i < s.counts.length; i++) n += s.counts[i];
  return n;
}

function allIntegers(s: WeightedSample): boolean {
  for (let i = 0; i < s.values.length; i++) if (!Number.isInteger(s.values[i])) return false;
  return true;
}

function range(ref: WeightedSample, prod: WeightedSample): { lo: number; hi: number } {
  const lo = Math.min(ref.values.length ? ref.values[0] : Infinity, prod.values.length ? prod.values[0] : Infinity);
  const hi = Math.max(
    ref.values.length ? ref.values[ref.values.length - 1] : -Infinity,
    prod.values.length ? prod.values.at(-1)! : -Infinity,
  );
  return { lo, hi };
}

/** histogramShares() on weighted samples: equal-width bins (integer-centred for integers), last bin closed. */
export function weightedHistogram(ref: WeightedSample, prod: WeightedSample, bins = 40): Histogram {
  const { lo, hi } = range(ref, prod);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { edges: [], reference: [], production: [] };
  const { start, width, k, edges } = linearBins(lo, hi, allIntegers(ref) && allIntegers(prod), bins);
  const shares = (s: WeightedSample) => {
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < s.values.length; i++) {
      const b = width > 0 ? Math.floor((s.values[i] - start) / width) : 0;
      counts[Math.min(Math.max(b, 0), k - 1)] += s.counts[i];
    }
    const n = total(s);
    return counts.map((c) => (n ? c / n : 0));
  };
  return { edges, reference: shares(ref), production: shares(prod) };
}

/** logHistogramShares() on weighted samples; null when a value is <= 0. */
export function weightedLogHistogram(ref: WeightedSample, prod: WeightedSample, bins = 40): Histogram | null {
  const { lo, hi } = range(ref, prod);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo <= 0) return null;
  const edges = logEdges(lo, hi, Number.isInteger(lo) && allIntegers(ref) && allIntegers(prod), bins);
  const shares = (s: WeightedSample) => {
    const cum = cumulative(s);
    const n = cum.length ? cum[cum.length - 1] : 0;
    const k = edges.length - 1;
    const out: number[] = [];
    let below = 0;
    for (let i = 0; i < k; i++) {
      const j = i === k - 1 ? s.values.length : lowerBound(s.values, edges[i + 1]);
      const upto = j === 0 ? 0 : cum[j - 1];
      out.push(n ? (upto - below) / n : 0);
      below = upto;
    }
    return out;
  };
  return { edges, reference: shares(ref), production: shares(prod) };
}

function cumulative(s: WeightedSample): Float64Array {
  const cum = new Float64Array(s.counts.length);
  let acc = 0;
  for (let i = 0; i < s.counts.length; i++) cum[i] = acc += s.counts[i];
  return cum;
}

/**
 * ecdfPoints() on a weighted sample: the values at the same evenly spaced ranks of the n rows (the
 * value at 0-based rank r is the first whose cumulative count exceeds r), y the exact share <= x.
 */
export function weightedEcdf(s: WeightedSample, maxPoints = 2000): EcdfPoints {
  const cum = cumulative(s);
  const n = cum.length ? cum[cum.length - 1] : 0;
  const x: number[] = [];
  const y: number[] = [];
  if (n === 0) return { x, y };
  const m = Math.max(2, Math.min(n, maxPoints));
  let last = NaN;
  for (let k = 0; k < m; k++) {
    const r = n === 1 ? 0 : Math.round((k * (n - 1)) / (m - 1));
    const j = Math.min(upperBound(cum, r), cum.length - 1);
    const v = s.values[j];
    if (v === last) continue;
    last = v;
    x.push(v);
    y.push(cum[j] / n);
  }
  return { x, y };
}

/** ksLocation() on weighted samples: the merge walk over distinct values, smallest x of the largest gap. */
export function weightedKsLocation(ref: WeightedSample, prod: WeightedSample): KsLocation | null {
  const n1 = total(ref);
  const n2 = total(prod);
  if (n1 === 0 || n2 === 0) return null;
  let i = 0;
  let j = 0;
  let c1 = 0;
  let c2 = 0;
  const a = ref.values;
  const b = prod.values;
  let best: KsLocation = { x: Math.min(a[0], b[0]), reference: 0, production: 0, distance: -1 };
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    if (a[i] === x) c1 += ref.counts[i++];
    if (b[j] === x) c2 += prod.counts[j++];
    const f1 = c1 / n1;
    const f2 = c2 / n2;
    const d = Math.abs(f1 - f2);
    if (d > best.distance) best = { x, reference: f1, production: f2, distance: d };
  }
  return best;
}

/** pooledSkewness() on weighted samples (biased Fisher-Pearson, two passes); null when undefined. */
export function weightedSkewness(a: WeightedSample, b: WeightedSample): number | null {
  const n = total(a) + total(b);
  if (n < 2) return null;
  let sum = 0;
  for (const s of [a, b]) for (let i = 0; i < s.values.length; i++) sum += s.values[i] * s.counts[i];
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (const s of [a, b])
    for (let i = 0; i < s.values.length; i++) {
      const d = s.values[i] - mean;
      m2 += s.counts[i] * d * d;
      m3 += s.counts[i] * d * d * d;
    }
  m2 /= n;
  m3 /= n;
  // As pooledSkewness: a spread below 1e-14 of the mean's magnitude is rounding noise, not spread.
  if (m2 <= (1e-14 * Math.max(1, Math.abs(mean))) ** 2) return null;
  return m3 / m2 ** 1.5;
}

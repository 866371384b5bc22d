import { designMatrix } from '../designMatrix.ts';
import type { FeatureInput } from '../types.ts';
import type { GbtFeatures } from './types.ts';

/**
 * The training rows binned for histogram split finding. A "unit" is one histogram: a numerical
 * column (value bins, then one missing bin) or a whole categorical (one bin per one-hot column of
 * its block: levels, then "other"; a split on it is "this one-hot column is 1").
 */
export interface BinnedFeatures {
  /** Training rows. */
  n: number;
  /** Units: numericals first (unit j = matrix column j), then categoricals. */
  units: number;
  /**
   * Row-major global bins: bins[i * units + u] = offset[u] + row i's bin in unit u, so one row's
   * bins are adjacent (one cache line) and index a histogram of all units directly.
   */
  bins: Uint16Array | Int32Array;
  /** First global bin of each unit. */
  offset: Int32Array;
  /** Total bins over all units. */
  totalBins: number;
  /** Bins per unit (a numerical's last bin is its missing bin, present even when empty). */
  nBins: Int32Array;
  /** 1 for numerical units, 0 for categoricals. */
  numerical: Uint8Array;
  /** Matrix column of the unit's first bin: j for numerical j, the block offset for a categorical. */
  column: Int32Array;
  /**
   * Numerical units: float32 thresholds between value bins; thresholds[u][b] separates bins <= b
   * (x <= t) from bins > b. Empty for categoricals.
   */
  thresholds: Float64Array[];
}

/**
 * Bins numerical columns into at most `maxBins` value bins on the training rows, like sklearn's
 * HistGradientBoosting `_BinMapper` in spirit: every distinct value its own bin when there are at
 * most `maxBins` of them, else cuts at the (q / maxBins) quantiles of the training values (a cut
 * is placed after the distinct value where the running count first reaches the quantile).
 *
 * Values are rounded to float32 first (the ONNX model reads float32 inputs). The threshold between
 * adjacent float32 values a < b is their midpoint rounded to float32, or a itself when that midpoint
 * rounds up to b (a and b adjacent float32 numbers): so a <= t < b holds exactly in float32, every
 * training value lands on the same side in the trainer (float64 compare of float32 numbers) and in
 * ONNX (BRANCH_LEQ on float32), and no training value equals an ambiguous threshold.
 *
 * Missing values (NaN) get the last bin of their column; its direction is learned per split.
 * Categoricals use the one-hot preprocessing (levels with >= minFrequency rows, then "other").
 */
export function binFeatures(features: GbtFeatures, inputs: FeatureInput[], rows: Int32Array, maxBins: number): BinnedFeatures {
  const n = rows.length;
  const k = features.numerical.length;
  const m = features.categorical.length;
  const units = k + m;
  const local: Uint16Array[] = [];
  const nBins = new Int32Array(units);
  const numerical = new Uint8Array(units);
  const column = new Int32Array(units);
  const thresholds: Float64Array[] = [];
  const byName = new Map(inputs.map((f) => [f.name, f]));

  features.numerical.forEach((name, j) => {
    const input = byName.get(name);
    if (!input || input.kind !== 'numerical') throw new Error(`binFeatures: no numerical input "${name}"`);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.fround(input.values[rows[i]]);
    const t = binThresholds(x, maxBins);
    thresholds.push(t);
    const missing = t.length + 1;
    const out = new Uint16Array(n);
    for (let i = 0; i < n; i++) out[i] = x[i] === x[i] ? lowerBound(t, x[i]) : missing;
    local.push(out);
    nBins[j] = t.length + 2;
    numerical[j] = 1;
    column[j] = j;
  });

  const hot = designMatrix({ numerical: [], categorical: features.categorical, minFrequency: features.minFrequency }, inputs, rows).hot;
  let offset = k;
  features.categorical.forEach((step, c) => {
    const u = k + c;
    const out = new Uint16Array(n);
    // hot (from a preprocessing without numericals) counts matrix columns from 0, our blocks from k.
    for (let i = 0; i < n; i++) out[i] = hot[i * m + c] - (offset - k);
    local.push(out);
    nBins[u] = step.levels.length + 1;
    column[u] = offset;
    thresholds.push(new Float64Array(0));
    offset += step.levels.length + 1;
  });
  const unitOffset = new Int32Array(units);
  let totalBins = 0;
  for (let u = 0; u < units; u++) {
    unitOffset[u] = totalBins;
    totalBins += nBins[u];
  }
  const bins = totalBins <= 0xffff ? new Uint16Array(n * units) : new Int32Array(n * units);
  for (let u = 0; u < units; u++) {
    const col = local[u];
    const o = unitOffset[u];
    for (let i = 0; i < n; i++) bins[i * units + u] = o + col[i];
  }
  return { n, units, bins, offset: unitOffset, totalBins, nBins, numerical, column, thresholds };
}

/** Float32 thresholds for the non-missing values of `x` (float32 numbers, NaN = missing); see binFeatures. */
export function binThresholds(x: Float64Array, maxBins: number): Float64Array {
  const sorted = x.filter((v) => v === v).sort();
  const total = sorted.length;
  const distinct: number[] = [];
  const cumulative: number[] = [];
  for (let i = 0; i < total; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct.push(sorted[i]);
      cumulative.push(0);
    }
    cumulative[cumulative.length - 1] = i + 1;
  }
  const cuts: number[] = [];
  if (distinct.length <= maxBins) {
    for (let a = 0; a + 1 < distinct.length; a++) cuts.push(a);
  } else {
    let a = 0;
    for (let q = 1; q < maxBins; q++) {
      const target = (q * total) / maxBins;
      while (a < distinct.length - 1 && cumulative[a] < target) a++;
      if (a < distinct.length - 1 && (cuts.length === 0 || cuts[cuts.length - 1] < a)) cuts.push(a);
    }
  }
  return Float64Array.from(cuts, (a) => float32Between(distinct[a], distinct[a + 1]));
}

/** A float32 t with a <= t < b for float32 numbers a < b: the rounded midpoint, or a. */
export function float32Between(a: number, b: number): number {
  const mid = Math.fround(a + (b - a) / 2);
  return mid < b && mid >= a ? mid : a;
}

/** Number of entries of the ascending `t` that are < x (the bin of x). */
function lowerBound(t: Float64Array, x: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

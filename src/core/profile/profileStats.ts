/**
 * What the drift tests need from the numbers of a column profile: the two-sample KS statistic against
 * another profile's numbers, reference quantiles and histogram counts.
 */
import type { NumberSummary } from './columnProfile.ts';
import { lowerBound, upperBound } from '../bisect.ts';

/** A step CDF: ascending distinct points, cumulative weight at each (inclusive), total weight. */
interface Steps {
  values: Float64Array;
  cum: Float64Array;
  total: number;
}

function steps(p: NumberSummary): Steps {
  if (p.mode === 'sketch') {
    const { values, cumWeights } = p.sketch.cdfSteps();
    return { values, cum: cumWeights, total: p.sketch.n };
  }
  return exactSteps(p.values, p.counts);
}

/**
 * Cumulative counts of exact summaries, by their counts array: a reference profile compared with many
 * windows (windows/analyseWindows.ts) sums its counts once, not once per window and test.
 */
const cumulative = new WeakMap<Float64Array, Steps>();

function exactSteps(values: Float64Array, counts: Float64Array): Steps {
  let s = cumulative.get(counts);
  if (s === undefined || s.values !== values) {
    s = sumSteps(values, counts);
    cumulative.set(counts, s);
  }
  return s;
}

/**
 * The cumulative counts of exact (values, counts) (entry i: the count of values <= values[i]) and their
 * total, kept per counts array like the KS merge's (windows/windowColumnStats.ts reads them once per column).
 */
export function cumulativeCounts(values: Float64Array, counts: Float64Array): { cum: Float64Array; total: number } {
  const s = exactSteps(values, counts);
  return { cum: s.cum, total: s.total };
}

function sumSteps(values: Float64Array, counts: Float64Array): Steps {
  const cum = new Float64Array(counts.length);
  let acc = 0;
  for (let i = 0; i < counts.length; i++) cum[i] = acc += counts[i];
  return { values, cum, total: acc };
}

/** The normalized rank error bound of a profile's CDF: 0 when exact (or a sketch never compacted). */
export function cdfErrorBound(p: NumberSummary): number {
  return p.mode === 'exact' ? 0 : p.sketch.errorBound;
}

export interface KsFromNumbers {
  /** D = sup |F_a - F_b| of the two profiles' CDFs; 0 when either side has no values. */
  statistic: number;
  /**
   * |statistic - D of the raw samples| <= bound: the sum of both sides' rank error bounds (each holds
   * with 99% confidence, DataSketches' figure for the sketch's k); 0 when both sides are exact.
   * Measured on the 1M-row bench columns: 0.003-0.010 for bound 0.033 (two sketches).
   */
  bound: number;
}

/**
 * Two-sample KS statistic between two profiles. Both step CDFs are evaluated at every distinct point of
 * either side, as `count / n` like wasm/ksSorted.ts and scipy.stats.ks_2samp
 * (`searchsorted(..., side='right') / n1`), so for two exact profiles D equals the engine's KS kernel on
 * the raw samples bit for bit (scipy, in exact mode, then rounds D to a multiple of 1/lcm(n1, n2): a
 * last-bit difference, <= 1e-15 on tests/fixtures/stattests.json). With a sketch side, the
 * sketch's CDF is off by at most its rank error everywhere, so D is off by at most the sum of both.
 */
export function ksFromNumbers(a: NumberSummary, b: NumberSummary): KsFromNumbers {
  const sa = steps(a);
  const sb = steps(b);
  const bound = cdfErrorBound(a) + cdfErrorBound(b);
  if (sa.total === 0 || sb.total === 0) return { statistic: 0, bound };
  // One side much smaller (a window against a large reference): evaluate only where it matters.
  if (sb.values.length * 4 < sa.values.length) return { statistic: ksSmallSide(sa, sb, false), bound };
  if (sa.values.length * 4 < sb.values.length) return { statistic: ksSmallSide(sb, sa, true), bound };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < sa.values.length || j < sb.values.length) {
    const x = j >= sb.values.length || (i < sa.values.length && sa.values[i] <= sb.values[j]) ? sa.values[i] : sb.values[j];
    while (i < sa.values.length && sa.values[i] <= x) i++;
    while (j < sb.values.length && sb.values[j] <= x) j++;
    const fa = i === 0 ? 0 : sa.cum[i - 1];
    const fb = j === 0 ? 0 : sb.cum[j - 1];
    const diff = Math.abs(fa / sa.total - fb / sb.total);
    if (diff > d) d = diff;
  }
  return { statistic: d, bound };
}

/**
 * The D of ksFromNumbers when `small` has few points: between two consecutive points of the small side
 * its CDF is constant and the big side's CDF rises monotonically, so |F_big - F_small| over the big
 * side's points there is largest at the first or the last of them; with the small side's own points
 * that is every candidate the merge visits that can hold the maximum. Each difference is computed from
 * the same counts in the same order (`swapped`: the small side is ksFromNumbers' `a`), so D is the
 * merge's D bit for bit, in O(small * log(big / small)) (galloping searches from the last position).
 */
function ksSmallSide(big: Steps, small: Steps, swapped: boolean): number {
  const bv = big.values;
  const bc = big.cum;
  const sv = small.values;
  const sc = small.cum;
  const nb = bv.length;
  const ns = sv.length;
  const bt = big.total;
  const st = small.total;
  const index = sampleIndex(bv);
  const search =
    index === null
      ? gallop
      : (sorted: Float64Array, x: number, from: number, strict: boolean) => indexedSearch(sorted, index, x, from, strict);
  let d = 0;
  let diff: number;
  let from = 0; // first big point above the previous small point
  for (let j = 0; j <= ns; j++) {
    const smallBefore = j === 0 ? 0 : sc[j - 1];
    // Big points strictly between the previous small point and this one (all the rest after the last).
    const to = j < ns ? search(bv, sv[j], from, false) : nb;
    if (to > from) {
      // A sketch's steps may repeat a value: the merge reads the last of equal points.
      const first = from + 1 < nb && bv[from + 1] === bv[from] ? gallop(bv, bv[from], from, true) - 1 : from;
      diff = swapped ? Math.abs(smallBefore / st - bc[first] / bt) : Math.abs(bc[first] / bt - smallBefore / st);
      if (diff > d) d = diff;
      diff = swapped ? Math.abs(smallBefore / st - bc[to - 1] / bt) : Math.abs(bc[to - 1] / bt - smallBefore / st);
      if (diff > d) d = diff;
    }
    if (j === ns) break;
    const upTo = to < nb && bv[to] === sv[j] ? search(bv, sv[j], to, true) : to;
    from = upTo;
    if (j + 1 < ns && sv[j + 1] === sv[j]) continue;
    // At the small point itself: the big side's CDF there.
    const bigAt = upTo === 0 ? 0 : bc[upTo - 1];
    diff = swapped ? Math.abs(sc[j] / st - bigAt / bt) : Math.abs(bigAt / bt - sc[j] / st);
    if (diff > d) d = diff;
  }
  return d;
}

/** Points per block of a sampleIndex: 32 doubles are 4 cache lines. */
const SAMPLE_SHIFT = 5;
/** Big sides with fewer points than this are searched directly (they stay in cache). */
const SAMPLE_MIN = 1 << 15;
const samples = new WeakMap<Float64Array, Float64Array>();

/**
 * Every 2^SAMPLE_SHIFT-th point of a large sorted array (a reference's ~1M distinct values), kept per
 * array: a window's few thousand searches into the reference otherwise jump across megabytes and
 * spend most of their time on cache misses (the galloping search's every step is a miss, each waiting
 * on the one before); in the sample (1/32 of the size, cache-resident) and then inside one block they
 * miss a few times. A B-tree-like two-level layout, as in Khuong & Morin, "Array layouts for
 * comparison-based searching" (2017, J. Exp. Algorithmics 22), section 1.
 */
function sampleIndex(sorted: Float64Array): Float64Array | null {
  if (sorted.length < SAMPLE_MIN) return null;
  let s = samples.get(sorted);
  if (s === undefined) {
    s = new Float64Array(((sorted.length - 1) >>> SAMPLE_SHIFT) + 1);
    for (let k = 0; k < s.length; k++) s[k] = sorted[k << SAMPLE_SHIFT];
    samples.set(sorted, s);
  }
  return s;
}

/**
 * gallop(sorted, x, from, strict) by way of `sample` (sampleIndex(sorted)): the same index, since
 * both return the first position at or after `from` whose value passes the same comparison.
 */
function indexedSearch(sorted: Float64Array, sample: Float64Array, x: number, from: number, strict: boolean): number {
  const n = sorted.length;
  if (from >= n) return from;
  const k0 = from >>> SAMPLE_SHIFT;
  // First sample at or after k0 passing the comparison; sample[c - 1] fails it, so does every point up to (c - 1) * 2^SHIFT.
  const c = gallop(sample, x, k0, strict);
  if (c === k0) return from; // sorted[k0 << SHIFT] passes, so does sorted[from] >= it
  let lo = (c - 1) << SAMPLE_SHIFT;
  lo = lo + 1 > from ? lo + 1 : from;
  let hi = c < sample.length ? c << SAMPLE_SHIFT : n;
  if (strict) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
  } else {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}

/**
 * The first index at or after `from` whose value is >= x (`strict`: > x) in ascending `sorted`, found
 * by doubling steps from `from` and then bisecting: O(log distance).
 */
function gallop(sorted: Float64Array, x: number, from: number, strict: boolean): number {
  const n = sorted.length;
  if (strict) {
    if (from >= n || sorted[from] > x) return from;
    let lo = from;
    let step = 1;
    let hi = from + 1;
    while (hi < n && sorted[hi] <= x) {
      lo = hi;
      step += step;
      hi = from + step;
    }
    if (hi > n) hi = n;
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  if (from >= n || sorted[from] >= x) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < n && sorted[hi] < x) {
    lo = hi;
    step += step;
    hi = from + step;
  }
  if (hi > n) hi = n;
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The value at 0-based position `pos` of the expanded sorted sample of an exact profile. */
function valueAt(values: Float64Array, cum: Float64Array, pos: number): number {
  return values[upperBound(cum, pos)];
}

/**
 * numpy.quantile(sample, qs) with the default method='linear', from exact (values, counts): the same steps
 * as wasm/quantileSorted.ts (numpy 2.x `_quantile`: virtual index (n - 1) * q, `_lerp` replaced by
 * `b - (b - a) * (1 - t)` where t >= 0.5), with the two neighbours looked up in the cumulative counts
 * instead of the expanded sample, so the result is bit-identical. NaN for an empty profile.
 */
export function exactQuantiles(sortedValues: Float64Array, counts: Float64Array, qs: readonly number[]): number[] {
  const { values, cum, total } = exactSteps(sortedValues, counts);
  return qs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`);
    if (total === 0) return NaN;
    const last = total - 1;
    const virtualIndex = last * q;
    let previous = Math.floor(virtualIndex);
    let lo = previous;
    let hi = previous + 1;
    if (virtualIndex >= last) {
      previous = -1;
      lo = last;
      hi = last;
    }
    const gamma = virtualIndex - previous;
    const a = valueAt(values, cum, lo);
    const b = valueAt(values, cum, hi);
    const diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  });
}

/**
 * Reference quantiles of a profile: exact (numpy 'linear') for an exact profile; for a sketch, the
 * sketch's quantile, whose rank is within the sketch's error bound of q.
 */
export function profileQuantiles(p: NumberSummary, qs: readonly number[]): number[] {
  return p.mode === 'exact' ? exactQuantiles(p.values, p.counts, qs) : qs.map((q) => p.sketch.quantile(q));
}

/** Values in the summary (a sketch's n). */
export function summaryCount(p: NumberSummary): number {
  return steps(p).total;
}

/**
 * Histogram counts for `thresholds` (ascending): thresholds.length + 1 left-closed bins, value x in bin
 * i = number of thresholds <= x, as wasm/binCountsSorted.ts (numpy.histogram with outer edges
 * -inf/+inf): bin i holds (count below thresholds[i]) - (count below thresholds[i - 1]). Exact numbers
 * give the raw sample's counts; a sketch gives its estimate (each count below within its rank error).
 */
export function binCounts(p: NumberSummary, thresholds: ArrayLike<number>): Float64Array {
  const { values, cum, total } = steps(p);
  const out = new Float64Array(thresholds.length + 1);
  let previous = 0;
  for (let e = 0; e < thresholds.length; e++) {
    const i = lowerBound(values, thresholds[e]);
    const below = i === 0 ? 0 : cum[i - 1];
    out[e] = below - previous;
    previous = below;
  }
  out[thresholds.length] = total - previous;
  return out;
}

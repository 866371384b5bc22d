/**
 * KLL quantile sketch over float64 (Karnin, Lang, Liberty 2016, "Optimal Quantile Approximation in
 * Streams", FOCS), with the capacity schedule of Apache DataSketches' KllDoublesSketch: level h of H
 * holds at most max(8, ceil(k * (2/3)^(H-1-h))) items of weight 2^h; when the sketch is over its total
 * capacity, the lowest over-full level is sorted and every other item (odd or even positions, by a
 * coin flip) moves up one level with double weight. An odd item is left behind so weights stay exact.
 *
 * Hand-written because no npm package offers a mergeable, serialisable KLL over float64 with a
 * deterministic seed that runs in both Node and browsers (npm has no Apache DataSketches port;
 * `tdigest` 0.1.3 is a t-digest, unmaintained, not KLL). The coin flips come from mulberry32 seeded by
 * (seed, compaction counter), so the same updates in the same order give the same sketch in any engine,
 * and the state (levels, seed, counter) serialises to plain arrays.
 *
 * Error: DataSketches publishes, for k = 200, a normalized rank error of 1.33% (single rank) and 1.65%
 * (PMF/CDF, "double-sided") at 99% confidence; `rankErrorBound(k)` returns that double-sided figure
 * from its fitted formula 2.446 / k^0.9433. tests/core/profile/kllSketch.test.ts measures this code:
 * the largest |cdf error| over all retained items for 1e5..1e6 updates and merges stays below it.
 */
import { upperBound } from '../bisect.ts';
import { mulberry32First } from '../samples/mulberry32.ts';

export const DEFAULT_K = 200;
const MIN_LEVEL_CAPACITY = 8;
const CAPACITY_RATIO = 2 / 3;

/** DataSketches' fitted 99%-confidence normalized rank error of a CDF/PMF estimate for parameter k. */
export function rankErrorBound(k: number): number {
  return 2.446 / Math.pow(k, 0.9433);
}

export interface KllState {
  k: number;
  seed: number;
  /** Compactions done so far: the coin of compaction c is mulberry32(seed + c * golden)(). */
  compactions: number;
  n: number;
  min: number;
  max: number;
  /** levels[h]: items of weight 2^h; levels >= 1 ascending. */
  levels: Float64Array[];
}

function levelCapacity(k: number, numLevels: number, h: number): number {
  return Math.max(MIN_LEVEL_CAPACITY, Math.ceil(k * Math.pow(CAPACITY_RATIO, numLevels - 1 - h)));
}

export class KllSketch {
  readonly k: number;
  readonly seed: number;
  private compactions = 0;
  private count = 0;
  private lo = Infinity;
  private hi = -Infinity;
  /** Level 0 grows as a plain array; upper levels are ascending arrays. */
  private levels: number[][] = [[]];
  /**
   * Items on all levels, and the total capacity for the current number of levels: kept up to date
   * instead of summed on every update (an update would otherwise cost O(levels) before any work).
   */
  private held = 0;
  private capacityLevels = -1;
  private capacity = 0;
  private capacities: number[] = [];
  private sortedView: { values: Float64Array; cumWeights: Float64Array } | null = null;

  constructor(k: number = DEFAULT_K, seed = 0x6b6c6c) {
    if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY || k > 65535)
      throw new RangeError(`KLL k must be an integer in [8, 65535], got ${k}`);
    this.k = k;
    this.seed = seed >>> 0;
  }

  get n(): number {
    return this.count;
  }
  get min(): number {
    return this.count === 0 ? NaN : this.lo;
  }
  get max(): number {
    return this.count === 0 ? NaN : this.hi;
  }
  /** Items retained (memory is O(k log(n/k))). */
  get retained(): number {
    return this.held;
  }
  /** The normalized rank error bound this sketch's k promises (99% confidence); 0 while nothing was compacted. */
  get errorBound(): number {
    return this.compactions === 0 ? 0 : rankErrorBound(this.k);
  }

  /** Adds one value; NaN is ignored (missing values are counted by the profile, not the sketch). */
  update(x: number): void {
    if (Number.isNaN(x)) return;
    const v = x === 0 ? 0 : x;
    // addWeighted(v, 1) without its loop: the hot path of a streamed column.
    this.sortedView = null;
    this.count++;
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    this.levels[0].push(v);
    this.held++;
    if (this.held > this.totalCapacity()) this.compress();
  }

  /**
   * Adds `count` copies of x without `count` separate updates: the binary digits of count place
   * items directly on the levels of matching weight (weight 2^h on level h), which is exactly what
   * `count` updates followed by loss-free compactions would hold. Used to hand exact counts over.
   */
  updateWeighted(x: number, count: number): void {
    if (Number.isNaN(x) || count <= 0) return;
    if (!Number.isInteger(count)) throw new RangeError(`KLL counts must be integers, got ${count}`);
    this.addWeighted(x === 0 ? 0 : x, count);
  }

  private addWeighted(x: number, count: number): void {
    this.sortedView = null;
    this.count += count;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    let h = 0;
    let c = count;
    while (c > 0) {
      if (c % 2 === 1) {
        while (this.levels.length <= h) this.levels.push([]);
        if (h === 0) this.levels[0].push(x);
        else insertSorted(this.levels[h], x);
        this.held++;
      }
      c = Math.floor(c / 2);
      h++;
    }
    this.compress();
  }

  /** Folds another sketch in (it is left unchanged). Same k required. */
  merge(other: KllSketch): void {
    if (other.k !== this.k) throw new RangeError(`cannot merge KLL sketches with k = ${this.k} and k = ${other.k}`);
    if (other.count === 0) return;
    this.sortedView = null;
    while (this.levels.length < other.levels.length) this.levels.push([]);
    for (let h = 0; h < other.levels.length; h++) {
      if (h === 0) this.levels[0].push(...other.levels[0]);
      else this.levels[h] = mergeSorted(this.levels[h], other.levels[h]);
    }
    this.count += other.count;
    this.held += other.held;
    this.compactions += other.compactions;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    this.compress();
  }

  private totalCapacity(): number {
    if (this.capacityLevels !== this.levels.length) {
      let s = 0;
      this.capacities = [];
      for (let h = 0; h < this.levels.length; h++) {
        this.capacities.push(levelCapacity(this.k, this.levels.length, h));
        s += this.capacities[h];
      }
      this.capacityLevels = this.levels.length;
      this.capacity = s;
    }
    return this.capacity;
  }

  private compress(): void {
    while (this.held > this.totalCapacity()) {
      const numLevels = this.levels.length;
      const capacities = this.capacities;
      let h = 0;
      while (h < numLevels - 1 && this.levels[h].length < capacities[h]) h++;
      this.compactLevel(h);
    }
  }

  private compactLevel(h: number): void {
    if (h + 1 >= this.levels.length) this.levels.push([]);
    const level = h === 0 ? this.levels[0].sort((a, b) => a - b) : this.levels[h];
    // An odd item stays behind (the largest), so the promoted pairs carry the weight exactly.
    const leftover = level.length % 2 === 1 ? [level[level.length - 1]] : [];
    const pairs = level.length - leftover.length;
    const coin = mulberry32First((this.seed + Math.imul(this.compactions, 0x9e3779b9)) >>> 0) < 0.5 ? 0 : 1;
    this.compactions++;
    const promoted: number[] = [];
    for (let i = coin; i < pairs; i += 2) promoted.push(level[i]);
    this.levels[h] = leftover;
    this.levels[h + 1] = mergeSorted(this.levels[h + 1], promoted);
    this.held -= pairs - promoted.length;
  }

  /** Retained items ascending with their cumulative weights (cached until the next update). */
  private view(): { values: Float64Array; cumWeights: Float64Array } {
    if (this.sortedView) return this.sortedView;
    const items: [number, number][] = [];
    this.levels.forEach((level, h) => {
      const w = 2 ** h;
      for (const x of level) items.push([x, w]);
    });
    items.sort((a, b) => a[0] - b[0]);
    const values = new Float64Array(items.length);
    const cumWeights = new Float64Array(items.length);
    let acc = 0;
    items.forEach(([x, w], i) => {
      acc += w;
      values[i] = x;
      cumWeights[i] = acc;
    });
    this.sortedView = { values, cumWeights };
    return this.sortedView;
  }

  /** Estimated number of items <= x (inclusive rank, the ECDF's convention). */
  rank(x: number): number {
    const { values, cumWeights } = this.view();
    const i = upperBound(values, x);
    return i === 0 ? 0 : cumWeights[i - 1];
  }

  /** Estimated F(x) = share of items <= x; NaN for an empty sketch. */
  cdf(x: number): number {
    return this.count === 0 ? NaN : this.rank(x) / this.count;
  }

  /**
   * Estimated q-quantile: the smallest retained item whose cumulative weight reaches q * n
   * (DataSketches' inclusive search); q = 0 and q = 1 give the exact min and max.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`);
    if (this.count === 0) return NaN;
    if (q === 0) return this.lo;
    if (q === 1) return this.hi;
    const { values, cumWeights } = this.view();
    const target = q * this.count;
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumWeights[mid] >= target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  }

  /** Distinct retained values ascending with cdf at each (for KS between sketches). */
  cdfSteps(): { values: Float64Array; cumWeights: Float64Array } {
    return this.view();
  }

  toState(): KllState {
    return {
      k: this.k,
      seed: this.seed,
      compactions: this.compactions,
      n: this.count,
      min: this.min,
      max: this.max,
      levels: this.levels.map((level, h) => Float64Array.from(h === 0 ? [...level].sort((a, b) => a - b) : level)),
    };
  }

  /** Rebuilds a sketch; the caller (decodeProfile) has validated the state. */
  static fromState(state: KllState): KllSketch {
    const s = new KllSketch(state.k, state.seed);
    s.compactions = state.compactions;
    s.count = state.n;
    s.lo = state.n === 0 ? Infinity : state.min;
    s.hi = state.n === 0 ? -Infinity : state.max;
    s.levels = state.levels.length === 0 ? [[]] : state.levels.map((l) => Array.from(l));
    s.held = s.levels.reduce((n, l) => n + l.length, 0);
    return s;
  }

  clone(): KllSketch {
    return KllSketch.fromState(this.toState());
  }
}

function insertSorted(level: number[], x: number): void {
  level.splice(upperBound(level, x), 0, x);
}

function mergeSorted(a: number[], b: number[]): number[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}

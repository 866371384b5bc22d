import type { Histogram } from './types.ts';

/**
 * Shares of two ascending samples in at most `bins` equal-width bins over their combined range (last bin
 * closed, numpy.histogram's convention). Each share array sums to 1 (0 for an empty sample).
 * When every value is an integer, bins have an integer width and are centred on the integers
 * (edges at k - 0.5), so counts, ages or months do not show the comb pattern of bins that hold two
 * integers in one bin and one in the next. A constant sample gives a single bin.
 */
export function histogramShares(ref: Float64Array, prod: Float64Array, bins = 40): Histogram {
  const lo = Math.min(ref.length ? ref[0] : Infinity, prod.length ? prod[0] : Infinity);
  const hi = Math.max(ref.length ? ref[ref.length - 1] : -Infinity, prod.length ? prod[prod.length - 1] : -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { edges: [], reference: [], production: [] };
  const { start, width, k, edges } = linearBins(lo, hi, allIntegers(ref) && allIntegers(prod), bins);
  return { edges, reference: shares(ref, start, width, k), production: shares(prod, start, width, k) };
}

/**
 * The bins of histogramShares over [lo, hi] (finite): integer-centred with an integer width when every
 * value is an integer, else `bins` equal-width bins (one when lo = hi). Shared with the weighted view.
 */
export function linearBins(
  lo: number,
  hi: number,
  integers: boolean,
  bins: number,
): { start: number; width: number; k: number; edges: number[] } {
  let start: number;
  let width: number;
  let k: number;
  if (integers) {
    width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
    k = Math.ceil((hi - lo + 1) / width);
    start = lo - 0.5;
  } else {
    k = hi > lo ? bins : 1;
    width = hi > lo ? (hi - lo) / k : 0;
    start = lo;
  }
  const edges = Array.from({ length: k + 1 }, (_, b) => (b === k && width === 0 ? hi : start + b * width));
  return { start, width, k, edges };
}

function allIntegers(sorted: Float64Array): boolean {
  for (let i = 0; i < sorted.length; i++) if (!Number.isInteger(sorted[i])) return false;
  return true;
}

function shares(sorted: Float64Array, start: number, width: number, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const b = width > 0 ? Math.floor((sorted[i] - start) / width) : 0;
    counts[Math.min(Math.max(b, 0), k - 1)]++;
  }
  const n = sorted.length;
  return counts.map((c) => (n ? c / n : 0));
}

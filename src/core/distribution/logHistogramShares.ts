import { lowerBound } from '../bisect.ts';
import type { Histogram } from './types.ts';

/**
 * Shares of two ascending, strictly positive samples in at most `bins` log-spaced bins over their
 * combined range (equal width on a log axis). When every value is an integer, the edges are moved to
 * the nearest k + 0.5 (and repeated edges dropped), so each integer falls in exactly one bin and small
 * counts do not show empty bins between them. Null when a value is <= 0 (a log axis cannot show it).
 */
export function logHistogramShares(ref: Float64Array, prod: Float64Array, bins = 40): Histogram | null {
  const lo = Math.min(ref.length ? ref[0] : Infinity, prod.length ? prod[0] : Infinity);
  const hi = Math.max(ref.length ? ref[ref.length - 1] : -Infinity, prod.length ? prod[prod.length - 1] : -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo <= 0) return null;
  const edges = logEdges(lo, hi, Number.isInteger(lo) && allIntegers(ref) && allIntegers(prod), bins);
  return { edges, reference: shares(ref, edges), production: shares(prod, edges) };
}

/**
 * The edges of logHistogramShares over [lo, hi] (finite, lo > 0): log-spaced, moved to the nearest
 * k + 0.5 when every value is an integer, one bin when lo = hi. Shared with the weighted view.
 */
export function logEdges(lo: number, hi: number, integers: boolean, bins: number): number[] {
  let edges: number[];
  if (hi === lo) edges = [lo, hi];
  else if (integers) {
    const a = lo - 0.5;
    const b = hi + 0.5;
    edges = [];
    for (let k = 0; k <= bins; k++) {
      const e = k === bins ? b : Math.round(a * (b / a) ** (k / bins) - 0.5) + 0.5;
      if (e > (edges.at(-1) ?? -Infinity)) edges.push(e);
    }
  } else {
    const ratio = hi / lo;
    edges = Array.from({ length: bins + 1 }, (_, k) => (k === 0 ? lo : k === bins ? hi : lo * ratio ** (k / bins)));
  }
  return edges;
}

function allIntegers(sorted: Float64Array): boolean {
  for (let i = 0; i < sorted.length; i++) if (!Number.isInteger(sorted[i])) return false;
  return true;
}

/** Share of `sorted` in each [edges[i], edges[i + 1]) bin, the last bin closed. */
function shares(sorted: Float64Array, edges: number[]): number[] {
  const k = edges.length - 1;
  const n = sorted.length;
  const out: number[] = [];
  let below = 0;
  for (let i = 0; i < k; i++) {
    const upto = i === k - 1 ? n : lowerBound(sorted, edges[i + 1]);
    out.push(n ? (upto - below) / n : 0);
    below = upto;
  }
  return out;
}

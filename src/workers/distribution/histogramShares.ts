/**
 * Shares of two ascending samples in `bins` equal-width bins over their combined range, last bin closed
 * (numpy.histogram's convention). Each share array sums to 1 (0 for an empty sample). A constant range
 * gives a single bin [v, v].
 */
export function histogramShares(
  ref: Float64Array,
  prod: Float64Array,
  bins = 40,
): { edges: number[]; reference: number[]; production: number[] } {
  const lo = Math.min(ref.length ? ref[0] : Infinity, prod.length ? prod[0] : Infinity);
  const hi = Math.max(ref.length ? ref[ref.length - 1] : -Infinity, prod.length ? prod[prod.length - 1] : -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { edges: [], reference: [], production: [] };
  const k = hi > lo ? bins : 1;
  const width = hi > lo ? (hi - lo) / k : 0;
  const edges = Array.from({ length: k + 1 }, (_, b) => (b === k ? hi : lo + b * width));
  return { edges, reference: shares(ref, lo, width, k), production: shares(prod, lo, width, k) };
}

function shares(sorted: Float64Array, lo: number, width: number, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const b = width > 0 ? Math.floor((sorted[i] - lo) / width) : 0;
    counts[Math.min(Math.max(b, 0), k - 1)]++;
  }
  const n = sorted.length;
  return counts.map((c) => (n ? c / n : 0));
}

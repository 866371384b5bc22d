import type { KsLocation } from './types.ts';

/**
 * Where two ascending samples' ECDFs are furthest apart: a merge walk over the distinct values, with ties
 * advanced on both sides before comparing (the same statistic as scipy.stats.ks_2samp). Returns the
 * smallest x where the maximum is reached; null when either sample is empty.
 */
export function ksLocation(ref: Float64Array, prod: Float64Array): KsLocation | null {
  const n1 = ref.length;
  const n2 = prod.length;
  if (n1 === 0 || n2 === 0) return null;
  let i = 0;
  let j = 0;
  let best: KsLocation = { x: Math.min(ref[0], prod[0]), reference: 0, production: 0, distance: -1 };
  while (i < n1 && j < n2) {
    const x = Math.min(ref[i], prod[j]);
    while (i < n1 && ref[i] === x) i++;
    while (j < n2 && prod[j] === x) j++;
    const f1 = i / n1;
    const f2 = j / n2;
    const d = Math.abs(f1 - f2);
    if (d > best.distance) best = { x, reference: f1, production: f2, distance: d };
  }
  // Once one sample is exhausted its ECDF is 1 and the gap can only shrink, so the maximum is found.
  return best;
}

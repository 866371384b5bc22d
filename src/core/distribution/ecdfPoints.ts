import type { EcdfPoints } from './types.ts';
import { upperBound } from '../bisect.ts';

/**
 * Step points of the empirical CDF of an ascending sample, at most `maxPoints` of them: every distinct
 * value when there are few, else values at evenly spaced ranks (always including the smallest and
 * largest). y is the exact ECDF at x (share of the sample <= x), so the plotted steps never lie;
 * downsampling only drops steps between points. Draw with a 'hv' line shape.
 */
export function ecdfPoints(sorted: Float64Array, maxPoints = 2000): EcdfPoints {
  const n = sorted.length;
  const x: number[] = [];
  const y: number[] = [];
  if (n === 0) return { x, y };
  const m = Math.max(2, Math.min(n, maxPoints));
  let last = NaN;
  for (let k = 0; k < m; k++) {
    const i = n === 1 ? 0 : Math.round((k * (n - 1)) / (m - 1));
    const v = sorted[i];
    if (v === last) continue;
    last = v;
    x.push(v);
    y.push(upperBound(sorted, v) / n);
  }
  return { x, y };
}

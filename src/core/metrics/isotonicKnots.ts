/**
 * Weighted isotonic (non-decreasing) least squares on scores sorted ascending, by pool-adjacent-
 * violators (Barlow et al. 1972). Split from isotonicFit so the bootstrap and the cross-fitting in
 * estimatePerformance can refit on re-weighted rows (weight 0 = row left out, 2 = drawn twice)
 * without sorting again.
 */
export interface IsotonicKnots {
  /** Distinct scores that carry weight, ascending. */
  x: Float64Array;
  /** Fitted (pooled) value at each knot, non-decreasing. */
  y: Float64Array;
}

/**
 * @param x scores sorted ascending
 * @param y targets in [0, 1], in the order of x
 * @param w non-negative weights in the order of x; omitted = 1 each
 * @returns the knots; empty when no row has weight
 */
export function isotonicKnots(x: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): IsotonicKnots {
  const n = x.length;
  // Ties first (sklearn averages equal x before PAV): one block per distinct weighted x.
  const bx: number[] = [];
  const by: number[] = [];
  const bw: number[] = [];
  for (let i = 0; i < n;) {
    let j = i;
    let s = 0;
    let sw = 0;
    while (j < n && x[j] === x[i]) {
      const wj = w ? w[j] : 1;
      s += wj * y[j];
      sw += wj;
      j++;
    }
    if (sw > 0) {
      bx.push(x[i]);
      by.push(s / sw);
      bw.push(sw);
    }
    i = j;
  }
  // Pool violators: a stack of (value, weight, first block).
  const m = bx.length;
  const sv = new Float64Array(m);
  const sw = new Float64Array(m);
  const start = new Int32Array(m);
  let top = -1;
  for (let b = 0; b < m; b++) {
    top++;
    sv[top] = by[b];
    sw[top] = bw[b];
    start[top] = b;
    while (top > 0 && sv[top - 1] > sv[top]) {
      const wsum = sw[top - 1] + sw[top];
      sv[top - 1] = (sv[top - 1] * sw[top - 1] + sv[top] * sw[top]) / wsum;
      sw[top - 1] = wsum;
      top--;
    }
  }
  const kx = Float64Array.from(bx);
  const ky = new Float64Array(m);
  for (let t = 0; t <= top; t++) {
    const end = t < top ? start[t + 1] : m;
    for (let b = start[t]; b < end; b++) ky[b] = sv[t];
  }
  return { x: kx, y: ky };
}

/**
 * The fitted value at v: linear between knots, clipped outside (sklearn's out_of_bounds='clip').
 * @example evalKnots({ x: Float64Array.of(0, 1), y: Float64Array.of(0.2, 0.6) }, 0.5) // 0.4
 */
export function evalKnots(k: IsotonicKnots, v: number): number {
  const { x, y } = k;
  const last = x.length - 1;
  if (!(v > x[0])) return y[0];
  if (v >= x[last]) return y[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= v) lo = mid;
    else hi = mid;
  }
  return y[lo] + ((v - x[lo]) / (x[hi] - x[lo])) * (y[hi] - y[lo]);
}

/**
 * Isotonic (non-decreasing) least-squares fit of `y` on `x` by pool-adjacent-violators, as
 * scikit-learn's `IsotonicRegression(out_of_bounds='clip')`: returns a step function that maps a new
 * x to the fitted value of the nearest fitted x (linear between fitted points, clipped outside).
 *
 * References: Barlow et al. (1972), Statistical inference under order restrictions (PAV).
 *
 * @param x scores (e.g. predicted probabilities)
 * @param y targets in [0, 1] (e.g. 1 when the row's label is the positive class)
 * @returns calibrate(x) in [min y, max y]
 * @example isotonicFit([0.1, 0.2, 0.3], [0, 1, 0])(0.25) // 0.5
 */
export function isotonicFit(x: ArrayLike<number>, y: ArrayLike<number>): (v: number) => number {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  // Blocks of equal x first (sklearn averages ties before PAV), then pool violators.
  const bx: number[] = [];
  const by: number[] = [];
  const bw: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    let s = 0;
    while (j < n && x[order[j]] === x[order[i]]) s += y[order[j++]];
    bx.push(x[order[i]]);
    by.push(s / (j - i));
    bw.push(j - i);
    i = j;
  }
  const vx: number[][] = [];
  const vy: number[] = [];
  const vw: number[] = [];
  for (let b = 0; b < bx.length; b++) {
    vx.push([bx[b]]);
    vy.push(by[b]);
    vw.push(bw[b]);
    while (vy.length > 1 && vy[vy.length - 2] > vy[vy.length - 1]) {
      const w = vw[vw.length - 2] + vw[vw.length - 1];
      const yv = (vy[vy.length - 2] * vw[vw.length - 2] + vy[vy.length - 1] * vw[vw.length - 1]) / w;
      const xs = vx[vx.length - 2].concat(vx[vx.length - 1]);
      vx.splice(-2, 2, xs);
      vy.splice(-2, 2, yv);
      vw.splice(-2, 2, w);
    }
  }
  // Knots: every distinct x with the value of its pooled block.
  const kx: number[] = [];
  const ky: number[] = [];
  vx.forEach((xs, b) => xs.forEach((v) => (kx.push(v), ky.push(vy[b]))));
  return (v: number) => {
    if (!(v > kx[0])) return ky[0];
    if (v >= kx[kx.length - 1]) return ky[ky.length - 1];
    let lo = 0;
    let hi = kx.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (kx[mid] <= v) lo = mid;
      else hi = mid;
    }
    const t = (v - kx[lo]) / (kx[hi] - kx[lo]);
    return ky[lo] + t * (ky[hi] - ky[lo]);
  };
}

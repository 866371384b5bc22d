import { roundHalfEven } from './roundHalfEven.ts';

const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Pr(D_{n,n} >= h/n): the proportion of lattice paths passing outside the lines x - y = +/-h,
 * 2 * (C(2n, n-h) - C(2n, n-2h) + ...) / C(2n, n) in a Horner-like form
 * (scipy/stats/_stats_py.py `_compute_prob_outside_square`). O(n) operations.
 */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/**
 * Pr(D_{m,n} >= h/lcm(m, n)) for m != n: 1 - (paths strictly inside |x/m - y/n| < h/lcm) / C(m+n, n),
 * computed directly as the complement column by column on a sliding window (Hodges' inside method
 * with Viehmann's recursion for 1 - p). Port of scipy/stats/_stats_pythran.py
 * `_compute_outer_prob_inside_method`. O(m * window) work, one Float64Array, no allocation per cell.
 * Deviation (speed only): subnormal intermediate values are flushed to 0 and stretches of exact
 * zeros skip the division; results differ from scipy only below 2.3e-308.
 */
function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  let m = m0;
  let n = n0;
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    const shift = minj - lastminj;
    const len = maxj - minj;
    for (let jj = 0; jj < len; jj++) {
      const a = A[jj + shift];
      // (0 i + 0 j) / (i + j) is exactly 0: skip the division inside underflowed stretches
      if (val === 0 && a === 0) {
        A[jj] = 0;
        continue;
      }
      const j = jj + minj;
      val = (a * i + val * j) / (i + j);
      // Flush subnormals to 0: arithmetic on them is ~100x slower on x86 and every later cell is a
      // weighted mean of earlier ones, so this moves the result by < 2.3e-308 absolute.
      if (val < MIN_NORMAL) val = 0;
      A[jj] = val;
    }
    curlen = len;
    if (lastlen > curlen) {
      // set some carried-over elements to 1
      const end = Math.min(len + (lastlen - curlen), lenA);
      for (let q = len; q < end; q++) A[q] = 1;
    }
  }
  return A[maxj - minj - 1];
}

/** Outcome of scipy's `_attempt_exact_2kssamp`: `success` false means scipy switches to 'asymp'. */
export interface KsTwoSampleExactResult {
  success: boolean;
  /** The statistic rounded to the lattice, h / lcm(n1, n2). */
  d: number;
  prob: number;
}

/**
 * `ksTwoSampleExact(d, n1, n2)`: the exact two-sided p-value Pr(D_{n1,n2} >= d) of the two-sample
 * Kolmogorov-Smirnov statistic, as scipy 1.17's `_attempt_exact_2kssamp(n1, n2, g, d, 'two-sided')`:
 * d is first moved to the lattice, h = round(d * lcm) (ties to even, like np.round), d = h / lcm;
 * h = 0 gives p = 1; n1 == n2 uses the closed form, otherwise the inside method. A result outside
 * [0, 1] (e.g. 1.0000000000000002 from the n1 == n2 formula at h = 1) is reported as a failure,
 * on which ks_2samp falls back to the asymptotic distribution.
 *
 * Reference: Hodges J.L. (1958) "The significance probability of the Smirnov two-sample test",
 * Ark. Mat. 3, 469-486; Viehmann T. (2021) arXiv:2102.08037.
 *
 * @param d two-sample KS statistic
 * @param n1 size of the first sample, integer >= 1
 * @param n2 size of the second sample, integer >= 1
 */
export function ksTwoSampleExact(d: number, n1: number, n2: number): KsTwoSampleExactResult {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const dl = h / lcm;
  if (h === 0) return { success: true, d: dl, prob: 1 };
  const prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  return { success: prob >= 0 && prob <= 1, d: dl, prob };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

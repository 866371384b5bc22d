/**
 * Stirling-series coefficients B_{2j} / (2j (2j - 1)) for j = 8, ..., 1 (highest first), as in
 * scipy/stats/_ksstats.py `_STIRLING_COEFFS` (lifted there from scipy's `_loggamma.pxd`).
 */
export const STIRLING_COEFFS = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
  7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
/** Below this, shift the argument up by the recurrence before using the Stirling series. */
const STIRLING_MIN = 10;

/**
 * Stirling's remainder `stirlerr(a) = lgamma(a) - ((a - 0.5) log a - a + log sqrt(2 pi))`, from the
 * asymptotic series sum_j B_{2j} / (2j (2j - 1) a^(2j-1)) (8 terms: error < 1e-18 for a >= 10).
 * Only for a >= 10.
 */
export function stirlerr(a: number): number {
  const r = 1 / a;
  const r2 = r * r;
  let s = 0;
  for (const c of STIRLING_COEFFS) s = s * r2 + c;
  return s * r;
}

/**
 * `gammaln(a)`: log |Gamma(a)| for a > 0 (scipy.special.gammaln on the positive axis).
 *
 * Stirling series for a >= 10; below, the recurrence Gamma(a) = Gamma(a + k) / (a (a+1) ... (a+k-1)).
 * Absolute error ~1e-15 (relative error grows only near the zeros a = 1, 2).
 * Returns NaN for a <= 0 or NaN, Infinity for a = Infinity.
 *
 * @example gammaln(0.5) // 0.57236494292470 (= log sqrt(pi))
 */
export function gammaln(a: number): number {
  if (!(a > 0)) return Number.NaN;
  if (a === Infinity) return Infinity;
  if (a >= STIRLING_MIN) return (a - 0.5) * Math.log(a) - a + HALF_LOG_2PI + stirlerr(a);
  let prod = 1;
  let z = a;
  while (z < STIRLING_MIN) {
    prod *= z;
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + stirlerr(z) - Math.log(prod);
}

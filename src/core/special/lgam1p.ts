import { gammaln } from './gammaln.ts';

const EULER = 0.5772156649015329;
const TAYLOR_TERMS = 42;

/** zeta(k) for k = 0..TAYLOR_TERMS: closed forms / known values for k < 10, direct sums above. */
const ZETA: number[] = (() => {
  const pi2 = Math.PI * Math.PI;
  const z = [
    Number.NaN,
    Number.NaN,
    pi2 / 6,
    1.2020569031595942,
    (pi2 * pi2) / 90,
    1.0369277551433699,
    (pi2 * pi2 * pi2) / 945,
    1.0083492773819228,
    (pi2 * pi2 * pi2 * pi2) / 9450,
    1.0020083928260822,
  ];
  for (let k = 10; k <= TAYLOR_TERMS; k++) {
    let s = 0;
    for (let n = 64; n >= 1; n--) s += Math.pow(n, -k); // tail beyond 64 < 64^(1-k)/(k-1) < 1e-17
    z.push(s);
  }
  return z;
})();

/** Taylor series of lgamma(1 + x) about 0: -gamma x + sum_k (-1)^k zeta(k) x^k / k (cephes lgam1p_taylor). */
function lgam1pTaylor(x: number): number {
  if (x === 0) return 0;
  let res = -EULER * x;
  let xfac = -x;
  for (let n = 2; n < TAYLOR_TERMS; n++) {
    xfac *= -x;
    const coeff = (ZETA[n] * xfac) / n;
    res += coeff;
    if (Math.abs(coeff) < Number.EPSILON * Math.abs(res)) break;
  }
  return res;
}

/**
 * `lgam1p(x) = gammaln(1 + x)`, accurate near x = 0 and x = 1 where the value goes to 0
 * (cephes `lgam1p`, scipy/xsf cephes/unity.h).
 *
 * @example lgam1p(1e-3) // -5.763935982833e-4
 */
export function lgam1p(x: number): number {
  if (Math.abs(x) <= 0.5) return lgam1pTaylor(x);
  if (Math.abs(x - 1) < 0.5) return Math.log(x) + lgam1pTaylor(x - 1);
  return gammaln(x + 1);
}

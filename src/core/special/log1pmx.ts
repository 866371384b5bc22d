/**
 * `log1pmx(x) = log(1 + x) - x`, accurate near x = 0 (cephes `log1pmx`, scipy/xsf unity.h):
 * alternating Taylor series -x^2/2 + x^3/3 - ... for |x| < 0.5, direct formula otherwise.
 *
 * @example log1pmx(1e-3) // -4.99666916466833e-7
 */
export function log1pmx(x: number): number {
  if (Math.abs(x) < 0.5) {
    let xfac = x;
    let res = 0;
    for (let n = 2; n < 500; n++) {
      xfac *= -x;
      const term = xfac / n;
      res += term;
      if (Math.abs(term) < Number.EPSILON * Math.abs(res)) break;
    }
    return res;
  }
  return Math.log1p(x) - x;
}

// Constants of scipy/xsf include/xsf/cephes/kolmogorov.h and cephes/const.h.
const MINLOG = -7.08396418532264106224e2;
const SMIRNOV_MAX_COMPUTE_N = 1000000;
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
const SPLITTER = 134217729; // 2^27 + 1, Dekker's split
const BINOM_RESCALE_EXPT = 512;
const BINOM_RESCALE = 2 ** BINOM_RESCALE_EXPT;

/**
 * floor(n x) and its fractional part alpha, computed from the exact product n * x
 * (cephes `modNX`, which uses double-double; here Dekker's error-free product does the same).
 */
function modNX(n: number, x: number): { nxfl: number; alpha: number } {
  const hi = n * x;
  const xs = SPLITTER * x;
  const xh = xs - (xs - x);
  const xl = x - xh;
  const ns = SPLITTER * n;
  const nh = ns - (ns - n);
  const nl = n - nh;
  const lo = nh * xh - hi + nh * xl + nl * xh + nl * xl; // n * x = hi + lo exactly
  let nxfl = Math.floor(hi);
  let alpha = hi - nxfl + lo;
  if (alpha < 0) {
    nxfl -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    nxfl += 1;
    alpha = 0;
  }
  return { nxfl, alpha };
}

/**
 * One term A_v(n, x) = C(n, v) (1 - x - v/n)^(n - v) (x + v/n)^(v - 1) of the Birnbaum-Tingey sum,
 * evaluated in logs (C(n, v) is passed as its log) so that neither factor over- or underflows.
 * 1 - x - v/n and x + v/n are formed from the exact integer part of n x and its fraction alpha.
 */
function smirnovTerm(n: number, v: number, nxfl: number, alpha: number, logC: number): number {
  const t1x = (v + nxfl + alpha) / n; // x + v/n
  const m2 = n - v;
  const t2num = m2 - nxfl - alpha; // n (1 - x - v/n)
  let logAbsT2: number;
  if (t2num === 0) {
    if (m2 === 0)
      logAbsT2 = 0; // 0^0 = 1
    else return 0;
  } else {
    const t2x = t2num / n;
    logAbsT2 = t2x > 0.5 ? Math.log1p(-t1x) : Math.log(Math.abs(t2x));
  }
  const sign = t2num < 0 && m2 % 2 === 1 ? -1 : 1;
  return sign * Math.exp(logC + (v - 1) * Math.log(t1x) + m2 * logAbsT2);
}

/**
 * `smirnov(n, x)`: survival function of the one-sided Kolmogorov-Smirnov statistic D_n^+,
 * Pr(D_n^+ >= x), scipy.special.smirnov.
 *
 * Port of scipy 1.17's cephes `_smirnov` (scipy/xsf include/xsf/cephes/kolmogorov.h, P. van Mulbregt):
 * the same special cases (x <= 1/n, sf underflow, x >= 1 - 1/n, n > 1e6 approximation), the same
 * choice between the lower and the upper Birnbaum-Tingey sums and the same early termination.
 * Deviation: cephes accumulates in double-double; here each term is evaluated in logs in double
 * precision (relative error about n * 1e-16 per term, far below the KS p-value tolerance).
 *
 * References: Birnbaum Z.W., Tingey F.H. (1951) Ann. Math. Statist. 22, 592-596;
 * van Mulbregt P. (2018) arXiv:1802.06966.
 *
 * @param n sample size, integer >= 1
 * @param x statistic in [0, 1]
 * @returns Pr(D_n^+ >= x); NaN outside the domain
 * @example smirnov(5, 0.5) // 0.056 (to 1 ulp)
 */
export function smirnov(n: number, x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;

  const { nxfl, alpha } = modNX(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  // If alpha is 0 the last term is excluded from both the lower and upper sums.
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  // x <= 1/n: cdf = x (1 + x)^(n-1)
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    return clip01(1 - x * Math.exp((n - 1) * Math.log1p(x)));
  }
  // sf underflows
  if (-2 * n * x * x < MINLOG) return 0;
  // x >= 1 - 1/n: sf = (1 - x)^n
  if (nxfl >= n - 1) return clip01(Math.exp(n * Math.log1p(-x)));
  // n too big to sum: p ~ exp(-(6nx + 1)^2 / 18n)
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return clip01(logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }

  const nUpperTerms = n - n1mxceil + 1;
  const useUpperSum =
    (nUpperTerms <= 1 && x < 0.5) || (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  let start = 0;
  let step = 1;
  let nTerms = n1mxfl + 1;
  let ajSum: number;
  if (useUpperSum) {
    start = n;
    step = -1;
    nTerms = n - n1mxceil + 1;
    ajSum = Math.exp((n - 1) * Math.log1p(x)); // (1 + x)^(n-1)
  } else {
    ajSum = Math.exp(n * Math.log1p(-x)) / x; // (1 - x)^n / x
  }
  const vmid = Math.floor(n / 2);
  // C(n, j) = cman * 2^cexpt, kept as a scaled mantissa (as cephes does) so that its rounding
  // error grows like j * eps, not like eps * |log C| per step.
  let cman = n; // C(n, 1)
  let cexpt = 0;
  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    const aj = smirnovTerm(n, v, nxfl, alpha, Math.log(cman) + cexpt * Math.LN2);
    if (Number.isFinite(aj) && aj !== 0) ajSum += aj;
    // Safe to terminate early?
    if (aj !== 0) {
      if (4 * (nTerms - j) * Math.abs(aj) < Number.EPSILON * ajSum && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    cman *= (n - j) / (j + 1); // C(n, j+1)
    if (cman > BINOM_RESCALE) {
      cman /= BINOM_RESCALE;
      cexpt += BINOM_RESCALE_EXPT;
    } else if (cman < 1 / BINOM_RESCALE) {
      cman *= BINOM_RESCALE;
      cexpt -= BINOM_RESCALE_EXPT;
    }
  }
  const prob = x * ajSum;
  return clip01(step < 0 ? 1 - prob : prob);
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

import { STIRLING_COEFFS } from './gammaln.ts';
import { kolmognDurbin } from './kolmognDurbin.ts';
import { kolmognPelzGood } from './kolmognPelzGood.ts';
import { kolmognPomeranz } from './kolmognPomeranz.ts';
import { smirnov } from './smirnov.ts';

const LOG_2PI = Math.log(2 * Math.PI);

/** log(n! / n^n) by Stirling's series with n log n removed up front (scipy `_log_nfactorial_div_n_pow_n`). */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  const y = rn / n;
  for (const c of STIRLING_COEFFS) poly = poly * y + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/**
 * `kstwoSf(d, n)`: survival function Pr(D_n >= d) of the two-sided one-sample Kolmogorov-Smirnov
 * statistic D_n, scipy.stats.kstwo.sf(d, n) (= scipy.stats._ksstats.kolmogn(n, d, cdf=False)).
 *
 * Port of scipy 1.17 `_kolmogn`, which follows the algorithm choice of Simard & L'Ecuyer:
 * - n d <= 1 and n d >= n - 1: the exact Ruben-Gambino formulas;
 * - d >= 0.5: 2 smirnov(n, d) (exact);
 * - n <= 140: Durbin's matrix (n d^2 <= 0.754693), Pomeranz (n d^2 <= 4), else 2 smirnov(n, d);
 * - n > 140: 0 for n d^2 >= 370, 2 smirnov(n, d) for n d^2 >= 2.2, otherwise 1 - cdf with the cdf
 *   from Durbin's matrix (n <= 100000 and n d^1.5 <= 1.4) or the Pelz-Good approximation.
 *
 * References: Simard R., L'Ecuyer P. (2011) "Computing the Two-Sided Kolmogorov-Smirnov
 * Distribution", J. Stat. Softw. 39(11); https://github.com/scipy/scipy/blob/v1.17.0/scipy/stats/_ksstats.py
 *
 * @param d statistic; d <= 0.5/n gives 1, d >= 1 gives 0
 * @param n sample size, a positive integer
 * @returns Pr(D_n >= d) in [0, 1]; NaN when n is not a positive integer or d is NaN
 * @example kstwoSf(0.1, 100) // 0.25269275700638... (scipy: 0.2526927570063874)
 */
export function kstwoSf(d: number, n: number): number {
  if (Number.isNaN(d) || !Number.isInteger(n) || n < 1) return Number.NaN;
  const x = d;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben-Gambino: 1/2n <= x <= 1/n, cdf = n!/n^n (2t - 1)^n
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      const s = 2 * t - 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * s;
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - prob);
  }
  if (t >= n - 1) return clip01(2 * (1 - x) ** n); // Ruben-Gambino
  if (x >= 0.5) return clip01(2 * smirnov(n, x)); // exact: 2 * smirnov

  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip01(1 - kolmognDurbin(n, x));
    if (nxsquared <= 4) return clip01(1 - kolmognPomeranz(n, x));
    return clip01(2 * smirnov(n, x)); // Miller approximation
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip01(2 * smirnov(n, x));
  let cdf: number;
  if (nxsquared >= 18) cdf = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdf = kolmognDurbin(n, x);
  else cdf = kolmognPelzGood(n, x);
  return clip01(1 - clip01(cdf));
}

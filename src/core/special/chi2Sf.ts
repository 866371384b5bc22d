import { gammaincc } from './gammaincc.ts';

/**
 * `chi2Sf(x, dof)`: survival function of the chi-square distribution, scipy.stats.chi2.sf(x, dof)
 * (= scipy.special.chdtrc(dof, x) = gammaincc(dof / 2, x / 2)).
 *
 * @param x statistic; x <= 0 gives 1
 * @param dof degrees of freedom, > 0 (dof = 0 is the caller's degenerate case, see chi2_contingency)
 * @returns P(X > x) for X ~ chi2(dof); NaN for dof <= 0 or NaN input
 * @example chi2Sf(3.841458820694124, 1) // 0.05
 */
export function chi2Sf(x: number, dof: number): number {
  if (Number.isNaN(x) || !(dof > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return gammaincc(dof / 2, x / 2);
}

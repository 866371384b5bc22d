import type { ApproximateStats } from '../report/types.ts';
import { ksTwoSamplePValue } from '../special/index.ts';

/**
 * The bounds of a numerical feature whose numbers came from a profile sketch on one side or both, from
 * each side's normalized rank error bound (`refError`, `prodError`: 0 for exact numbers; a KLL sketch's
 * errorBound, DataSketches' 99%-confidence figure for its k, otherwise):
 *
 * - KS: each side's estimated CDF is within its bound of the raw sample's CDF at every point, so
 *   |F_ref - F_prod| moves by at most the sum at every point, and so does its supremum D:
 *   |D - D_raw| <= refError + prodError.
 * - The p-value decreases as D grows (n fixed), so the raw p-value lies between the p-values at
 *   D + bound and D - bound (D clamped to [0, 1]).
 * - PSI: a bin's share on a side is (count below its upper threshold - count below its lower one) / n,
 *   each count off by at most the side's bound times n, so the share is within twice the bound of the
 *   raw sample's share of the same bin (the outer edges -inf/+inf are exact). The bins themselves come
 *   from the reference quantiles, a sketch's within its bound in rank of the raw quantiles.
 *
 * The verdict rules are unchanged: they read the estimates as they read exact results.
 */
export function approximateStats(d: number, nRef: number, nProd: number, refError: number, prodError: number): ApproximateStats {
  const bound = refError + prodError;
  const p = (x: number) => ksTwoSamplePValue(Math.min(1, Math.max(0, x)), nRef, nProd).p_value;
  return {
    ks_statistic_bound: bound,
    ks_p_value_range: [p(d + bound), p(d - bound)],
    psi_bin_share_bound: 2 * Math.max(refError, prodError),
  };
}

/** The report warning for an approximate feature: what is approximate and by how much. */
export function approximateWarning(column: string, a: ApproximateStats): string {
  const [pLow, pHigh] = a.ks_p_value_range;
  return (
    `column "${column}": its numbers come from a profile sketch (or an SQL engine's bins), so KS and PSI are approximate: KS D within ` +
    `${round(a.ks_statistic_bound)} of the raw files' D (p-value between ${pLow.toPrecision(3)} and ${pHigh.toPrecision(3)}), ` +
    `each PSI bin share within ${round(a.psi_bin_share_bound)}; make the profiles with a larger profile.max_exact_values for exact results`
  );
}

function round(x: number): string {
  return String(Number(x.toPrecision(3)));
}

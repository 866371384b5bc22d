import { ksTwoSampleExact } from './ksTwoSampleExact.ts';
import { kstwoSf } from './kstwoSf.ts';
import { roundHalfEven } from './roundHalfEven.ts';

/** ks_2samp's 'auto' rule: exact when max(n1, n2) <= MAX_AUTO_N (scipy/stats/_stats_py.py). */
export const KS_MAX_AUTO_N = 10000;

/** Two-sided p-value of the two-sample KS test and the method that produced it. */
export interface KsTwoSamplePValue {
  p_value: number;
  method: 'exact' | 'asymp';
}

/**
 * `ksTwoSamplePValue(d, n1, n2)`: the p-value of scipy.stats.ks_2samp(a, b) (alternative='two-sided',
 * method='auto') given its statistic d and the sample sizes.
 *
 * As scipy 1.17: 'exact' (see `ksTwoSampleExact`) when max(n1, n2) <= 10000; if that fails (result
 * outside [0, 1]) or the samples are larger, 'asymp' = kstwo.sf(d, round(n1 n2 / (n1 + n2))), with
 * ties rounded to even and d the lattice-rounded statistic when the exact attempt was made.
 * The p-value is clipped to [0, 1].
 *
 * @param d two-sample KS statistic in [0, 1]
 * @param n1 size of the first sample, integer >= 1
 * @param n2 size of the second sample, integer >= 1
 * @returns `{ p_value, method }`
 * @throws RangeError when a size is not a positive integer (scipy raises for empty samples)
 * @example ksTwoSamplePValue(0.5, 10, 7) // { p_value: 0.1893767996709173, method: 'exact' }
 */
export function ksTwoSamplePValue(d: number, n1: number, n2: number): KsTwoSamplePValue {
  if (!(Number.isInteger(n1) && n1 >= 1 && Number.isInteger(n2) && n2 >= 1)) {
    throw new RangeError(`ksTwoSamplePValue: sample sizes must be positive integers, got ${n1} and ${n2}`);
  }
  let stat = d;
  if (Math.max(n1, n2) <= KS_MAX_AUTO_N) {
    const exact = ksTwoSampleExact(d, n1, n2);
    if (exact.success) return { p_value: exact.prob, method: 'exact' };
    stat = exact.d;
  }
  const en = (n1 * n2) / (n1 + n2);
  const p = kstwoSf(stat, roundHalfEven(en));
  return { p_value: p < 0 ? 0 : p > 1 ? 1 : p, method: 'asymp' };
}

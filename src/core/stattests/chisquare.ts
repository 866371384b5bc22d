import { chi2Sf } from '../special/index.ts';
import { total } from './total.ts';
import type { DriftTest } from './driftTest.ts';

export interface ChiSquareResult {
  statistic: number;
  p_value: number;
  dof: number;
}

/**
 * The registry entry: categorical columns, flagged when the p-value after thresholds.p_value_correction
 * is below thresholds.chi2_p_value.
 */
export const chiSquareTest: DriftTest<ChiSquareResult> = {
  id: 'chi2',
  label: 'Chi-square test of homogeneity',
  statistic: 'Pearson X^2 on the 2 x k table, no continuity correction',
  columnKinds: ['categorical'],
  comparison: 'p_value',
  score: (r) => r.p_value,
  // Cramér's V = sqrt(X^2 / (n (min(rows, columns) - 1))); the table has 2 rows, so sqrt(X^2 / n).
  effect: { measure: "Cramér's V", value: (r, f) => Math.sqrt(r.statistic / (f.n.reference + f.n.production)) },
  threshold: { key: 'chi2_p_value', default: 0.05, max: 1, label: 'Chi-square p-value threshold', rule: 'flag when p <' },
  reportKey: 'chi2',
  resultKeys: ['statistic', 'p_value', 'dof'],
  run(input) {
    if (input.kind !== 'categorical') throw new TypeError('chi-square runs on categorical columns only');
    return chiSquareHomogeneity(input.referenceCounts, input.productionCounts);
  },
  fields: [
    { key: 'statistic', label: 'Chi-square', csv: 'chi2_statistic', summary: 'chi2', format: 'number', value: (r) => r.statistic },
    { key: 'p_value', label: 'p-value', csv: 'chi2_p_value', format: 'p_value', value: (r) => r.p_value },
    {
      key: 'p_value_adjusted',
      label: 'adjusted p',
      csv: 'chi2_p_value_adjusted',
      summary: 'chi2 p',
      format: 'p_value',
      value: (r) => r.p_value_adjusted ?? null,
      shownWhen: (t) => t.p_value_correction !== 'none',
    },
    { key: 'dof', label: 'dof', csv: 'chi2_dof', format: 'number', value: (r) => r.dof },
  ],
  table: {
    id: 'chi2-table',
    heading: 'Chi-square (categorical features)',
    caption: 'Chi-square test per categorical feature',
    empty: 'No categorical features.',
    sort: { key: 'p_value', direction: 'ascending' },
  },
};

/**
 * Pearson chi-square test of homogeneity on the 2 x k table [refCounts; prodCounts], as
 * scipy.stats.chi2_contingency(table, correction=False) (scipy/stats/contingency.py): expected =
 * row sum * column sum / total, X^2 = sum((observed - expected)^2 / expected) over the flattened
 * table, dof = k - 1, p = chi2.sf(X^2, dof); with dof 0 (one category) scipy returns X^2 = 0, p = 1.
 * Every column must have a positive total (pass only categories seen in either sample) and both
 * samples must be non-empty, otherwise scipy raises on a zero expected frequency; so does this.
 * @example chiSquareHomogeneity([10, 20], [20, 10]) // { statistic: 6.666666666666667, p_value: 0.009823274507519235, dof: 1 }
 */
export function chiSquareHomogeneity(refCounts: ArrayLike<number>, prodCounts: ArrayLike<number>): ChiSquareResult {
  const k = refCounts.length;
  if (prodCounts.length !== k) throw new RangeError('chi-square needs the same categories on both sides');
  const rows = [refCounts, prodCounts];
  const rowSums = [total(refCounts), total(prodCounts)];
  const n = rowSums[0] + rowSums[1];
  const colSums = new Float64Array(k);
  for (let j = 0; j < k; j++) colSums[j] = refCounts[j] + prodCounts[j];
  if (!(rowSums[0] > 0 && rowSums[1] > 0) || colSums.some((c) => !(c > 0))) {
    throw new RangeError('chi-square: the table has a zero expected frequency (empty sample or unseen category)');
  }
  const dof = k - 1;
  if (dof === 0) return { statistic: 0, p_value: 1, dof };
  let statistic = 0;
  for (let r = 0; r < 2; r++) {
    for (let j = 0; j < k; j++) {
      const expected = (rowSums[r] * colSums[j]) / n;
      const delta = rows[r][j] - expected;
      statistic += (delta * delta) / expected;
    }
  }
  return { statistic, p_value: chi2Sf(statistic, dof), dof };
}

import { gammaln } from '../special/index.ts';
import type { DriftTest } from './driftTest.ts';

export interface FisherExactResult {
  /** Sample odds ratio (ref_a * prod_b) / (ref_b * prod_a); null when infinite (JSON has no inf) or undefined. */
  odds_ratio: number | null;
  p_value: number;
  /** The phi coefficient |ad - bc| / sqrt(row and column sums), Cramér's V of the 2x2 table: the effect size. */
  phi: number;
  /** The two categories, the table's columns. */
  categories: [string, string];
}

/**
 * The registry entry: categorical columns with exactly two categories over both files (a 2x2 table of
 * sample x category), flagged when the two-sided p-value after thresholds.p_value_correction is below
 * thresholds.fisher_p_value. Exact at any size; meant for small counts, where chi-square's
 * approximation is poor. Effect size: the phi coefficient (Cramér's V of the 2x2 table).
 */
export const fisherExactTest: DriftTest<FisherExactResult> = {
  id: 'fisher',
  label: "Fisher's exact test (2x2)",
  statistic: 'hypergeometric two-sided p-value of the 2x2 table',
  columnKinds: ['categorical'],
  comparison: 'p_value',
  score: (r) => r.p_value,
  effect: { measure: "Cramér's V", value: (r) => r.phi },
  applies: (input) => input.kind === 'categorical' && input.categories.length === 2,
  threshold: { key: 'fisher_p_value', default: 0.05, max: 1, label: 'Fisher exact p-value threshold', rule: 'flag when p <' },
  reportKey: 'fisher',
  resultKeys: ['odds_ratio', 'p_value', 'phi', 'categories'],
  run(input) {
    if (input.kind !== 'categorical' || input.categories.length !== 2)
      throw new TypeError("Fisher's exact test runs on two categories only");
    const [ra, rb] = input.referenceCounts;
    const [pa, pb] = input.productionCounts;
    const r = fisherExact2x2(ra, rb, pa, pb);
    return { ...r, phi: phiCoefficient(ra, rb, pa, pb), categories: [input.categories[0], input.categories[1]] };
  },
  fields: [
    { key: 'odds_ratio', label: 'Odds ratio', csv: 'fisher_odds_ratio', format: 'number', value: (r) => r.odds_ratio },
    { key: 'p_value', label: 'p-value', csv: 'fisher_p_value', format: 'p_value', value: (r) => r.p_value },
    {
      key: 'p_value_adjusted',
      label: 'adjusted p',
      csv: 'fisher_p_value_adjusted',
      summary: 'Fisher p',
      format: 'p_value',
      value: (r) => r.p_value_adjusted ?? null,
      shownWhen: (t) => t.p_value_correction !== 'none',
    },
  ],
  table: {
    id: 'fisher-table',
    heading: "Fisher's exact test (two-category features)",
    caption: "Fisher's exact test per two-category feature",
    empty: 'No two-category features with this test.',
    sort: { key: 'p_value', direction: 'ascending' },
  },
};

/**
 * The phi coefficient of [[a, b], [c, d]]: |ad - bc| / sqrt((a + b)(c + d)(a + c)(b + d)) = sqrt(X^2 / n),
 * Cramér's V of a 2x2 table (as chi-square's effect size); 0 when a margin is 0.
 * @example phiCoefficient(10, 20, 20, 10) // 0.3333333333333333
 */
export function phiCoefficient(a: number, b: number, c: number, d: number): number {
  const denominator = Math.sqrt((a + b) * (c + d) * (a + c) * (b + d));
  return denominator > 0 ? Math.abs(a * d - b * c) / denominator : 0;
}

/**
 * scipy.stats.fisher_exact([[a, b], [c, d]], alternative='two-sided') (scipy/stats/_stats_py.py): the
 * sum of the hypergeometric probabilities of all tables with the same margins that are no more likely
 * than the observed one; 1 when a margin is 0 (scipy returns nan, 1). The "no more likely" comparison
 * allows a relative 1e-7 (as R's fisher.test), so tables exactly as likely as the observed one count
 * whatever the rounding of log-gamma (scipy uses 1e-14 on its own pmf).
 * @example fisherExact2x2(8, 2, 1, 5).p_value // 0.034965034965034975 (scipy 1.17)
 */
export function fisherExact2x2(a: number, b: number, c: number, d: number): { odds_ratio: number | null; p_value: number } {
  const n1 = a + b;
  const n2 = c + d;
  const n = a + c;
  const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : null;
  if (n1 === 0 || n2 === 0 || n === 0 || b + d === 0) return { odds_ratio: null, p_value: 1 };
  const M = n1 + n2;
  const logDenominator = lbinom(M, n);
  const pmf = (x: number) => Math.exp(lbinom(n1, x) + lbinom(n2, n - x) - logDenominator);
  const pExact = pmf(a);
  const limit = pExact * (1 + 1e-7);
  let p = 0;
  for (let x = Math.max(0, n - n2); x <= Math.min(n1, n); x++) {
    const px = pmf(x);
    if (px <= limit) p += px;
  }
  return { odds_ratio: oddsRatio, p_value: Math.min(p, 1) };
}

function lbinom(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

import type { DriftTest } from './driftTest.ts';
import { shares, sharedBins } from './binShares.ts';

export interface JensenShannonResult {
  /** The Jensen-Shannon distance (natural log), 0 .. sqrt(ln 2) = 0.8326. */
  value: number;
  bins: number;
}

/**
 * The registry entry: every column, flagged when the distance > thresholds.jensenshannon (Evidently's
 * default 0.1, with the same natural-log distance). Bins: the PSI bins of a numerical column, the
 * categories of a categorical one (binShares.ts), so it works from profiles as PSI does.
 */
export const jensenShannonTest: DriftTest<JensenShannonResult> = {
  id: 'jensenshannon',
  label: 'Jensen-Shannon distance',
  statistic: 'sqrt((KL(p || m) + KL(q || m)) / 2), m = (p + q) / 2, natural log, on shared bins',
  columnKinds: ['numerical', 'categorical'],
  comparison: 'distance',
  score: (r) => r.value,
  effect: { measure: 'Jensen-Shannon distance', value: (r) => r.value },
  threshold: { key: 'jensenshannon', default: 0.1, max: 1, label: 'Jensen-Shannon threshold', rule: 'flag when JS distance >' },
  reportKey: 'jensenshannon',
  resultKeys: ['value', 'bins'],
  run(input) {
    const { reference, production } = sharedBins(input);
    return { value: jensenShannonDistance(reference, production), bins: reference.length };
  },
  fields: [
    { key: 'value', label: 'JS distance', csv: 'jensenshannon', summary: 'JS', format: 'number', value: (r) => r.value },
    { key: 'bins', label: 'Bins', csv: null, format: 'number', value: (r) => r.bins },
  ],
  table: {
    id: 'jensenshannon-table',
    heading: 'Jensen-Shannon distance',
    caption: 'Jensen-Shannon distance per feature (PSI bins or categories)',
    empty: 'No features with this test.',
    sort: { key: 'value', direction: 'descending' },
  },
};

/**
 * scipy.spatial.distance.jensenshannon(ref, prod) (base e): both normalised to sum 1, m = (p + q) / 2,
 * sqrt((sum rel_entr(p, m) + sum rel_entr(q, m)) / 2), with rel_entr(0, y) = 0.
 * @example jensenShannonDistance([5, 5, 0, 0], [0, 0, 7, 3]) // 0.8325546111576977 = sqrt(ln 2) (scipy 1.17)
 */
export function jensenShannonDistance(ref: ArrayLike<number>, prod: ArrayLike<number>): number {
  const [p, q] = shares(ref, prod);
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    if (p[i] > 0) js += p[i] * Math.log(p[i] / m);
    if (q[i] > 0) js += q[i] * Math.log(q[i] / m);
  }
  // Rounding can leave a tiny negative sum for equal distributions.
  return Math.sqrt(Math.max(0, js / 2));
}

import type { DriftTest } from './driftTest.ts';
import { shares, sharedBins } from './binShares.ts';

export interface HellingerResult {
  /** The Hellinger distance, 0 .. 1. */
  value: number;
  bins: number;
}

/**
 * The registry entry: every column, flagged when the distance > thresholds.hellinger (Evidently's
 * default 0.1). The same shared bins as Jensen-Shannon (binShares.ts).
 */
export const hellingerTest: DriftTest<HellingerResult> = {
  id: 'hellinger',
  label: 'Hellinger distance',
  statistic: 'sqrt(sum((sqrt(p) - sqrt(q))^2)) / sqrt(2) on shared bins',
  columnKinds: ['numerical', 'categorical'],
  comparison: 'distance',
  score: (r) => r.value,
  effect: { measure: 'Hellinger distance', value: (r) => r.value },
  threshold: { key: 'hellinger', default: 0.1, max: 1, label: 'Hellinger threshold', rule: 'flag when Hellinger distance >' },
  reportKey: 'hellinger',
  resultKeys: ['value', 'bins'],
  run(input) {
    const { reference, production } = sharedBins(input);
    return { value: hellingerDistance(reference, production), bins: reference.length };
  },
  fields: [
    { key: 'value', label: 'Hellinger', csv: 'hellinger', summary: 'Hellinger', format: 'number', value: (r) => r.value },
    { key: 'bins', label: 'Bins', csv: null, format: 'number', value: (r) => r.bins },
  ],
  table: {
    id: 'hellinger-table',
    heading: 'Hellinger distance',
    caption: 'Hellinger distance per feature (PSI bins or categories)',
    empty: 'No features with this test.',
    sort: { key: 'value', direction: 'descending' },
  },
};

/**
 * Hellinger distance of two binned samples: sqrt(sum((sqrt(p) - sqrt(q))^2)) / sqrt(2), p and q the
 * shares per bin (as Evidently's hellinger_distance; numpy in the fixtures).
 * @example hellingerDistance([5, 5, 0, 0], [0, 0, 7, 3]) // 1
 */
export function hellingerDistance(ref: ArrayLike<number>, prod: ArrayLike<number>): number {
  const [p, q] = shares(ref, prod);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
    s += d * d;
  }
  return Math.sqrt(s) / Math.SQRT2;
}

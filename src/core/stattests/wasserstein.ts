import type { DriftTest } from './driftTest.ts';
import { countAtMost, sortedSample } from './sortedSample.ts';

export interface WassersteinResult {
  /** Normed: distance / max(std of the reference, 0.001), the value compared with the threshold. */
  value: number;
  /** scipy.stats.wasserstein_distance(ref, prod), in the column's units. */
  distance: number;
  /** The reference's population standard deviation (numpy.std, ddof 0). */
  reference_std: number;
}

/** Evidently's floor on the reference's standard deviation, so a constant reference does not divide by 0. */
const MIN_STD = 0.001;

/**
 * The registry entry: numerical columns, flagged when the normed distance > thresholds.wasserstein.
 * Normed as Evidently's `wasserstein` test (wasserstein_distance / max(np.std(reference), 0.001)), so
 * the threshold reads "the distributions moved by more than 0.1 reference standard deviations"
 * (Evidently's default 0.1). Needs the samples: in a profile run an exact profile gives the raw
 * values and a sketch its retained items by weight (approximate).
 */
export const wassersteinTest: DriftTest<WassersteinResult> = {
  id: 'wasserstein',
  label: 'Wasserstein distance (normed)',
  statistic: 'W1(ref, prod) / max(std(ref), 0.001)',
  columnKinds: ['numerical'],
  comparison: 'distance',
  score: (r) => r.value,
  effect: { measure: 'normed Wasserstein distance', value: (r) => r.value },
  threshold: {
    key: 'wasserstein',
    default: 0.1,
    max: Infinity,
    label: 'Wasserstein (normed) threshold',
    rule: 'flag when W1 / std(ref) >',
  },
  reportKey: 'wasserstein',
  resultKeys: ['value', 'distance', 'reference_std'],
  run(input) {
    if (input.kind !== 'numerical') throw new TypeError('Wasserstein runs on numerical columns only');
    return wassersteinNormed(sortedSample(input.reference), sortedSample(input.production));
  },
  fields: [
    { key: 'value', label: 'W1 / std(ref)', csv: 'wasserstein', summary: 'W1 norm', format: 'number', value: (r) => r.value },
    { key: 'distance', label: 'W1', csv: 'wasserstein_distance', format: 'number', value: (r) => r.distance },
    { key: 'reference_std', label: 'std(ref)', csv: null, format: 'number', value: (r) => r.reference_std },
  ],
  table: {
    id: 'wasserstein-table',
    heading: 'Wasserstein distance (numerical features)',
    caption: 'Wasserstein distance per numerical feature, normed by the reference standard deviation',
    empty: 'No numerical features with this test.',
    sort: { key: 'value', direction: 'descending' },
  },
};

/** The normed and raw distances of two ascending, non-empty samples. */
export function wassersteinNormed(ref: Float64Array, prod: Float64Array): WassersteinResult {
  const distance = wassersteinDistance(ref, prod);
  const std = populationStd(ref);
  return { value: distance / Math.max(std, MIN_STD), distance, reference_std: std };
}

/**
 * The first Wasserstein distance of two ascending samples, as scipy.stats.wasserstein_distance(u, v)
 * (scipy/stats/_stats_py.py, _cdf_distance with p = 1): the integral of |F_u - F_v| over the merged
 * values, sum over consecutive merged values of |F_u(x_i) - F_v(x_i)| * (x_{i+1} - x_i).
 * @example wassersteinDistance(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)) // 3 (scipy 1.17: 3.0000000000000004)
 */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  if (u.length === 0 || v.length === 0) throw new RangeError('Wasserstein needs two non-empty samples');
  const all = new Float64Array(u.length + v.length);
  all.set(u);
  all.set(v, u.length);
  all.sort();
  let sum = 0;
  for (let i = 0; i + 1 < all.length; i++) {
    const delta = all[i + 1] - all[i];
    if (delta === 0) continue;
    const fu = countAtMost(u, all[i]) / u.length;
    const fv = countAtMost(v, all[i]) / v.length;
    sum += Math.abs(fu - fv) * delta;
  }
  return sum;
}

/** numpy.std(x) (ddof 0), two-pass. */
export function populationStd(x: Float64Array): number {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) * (v - mean);
  return Math.sqrt(ss / x.length);
}

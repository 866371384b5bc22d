import type { KsMethod, KsStats } from '../report/types.ts';
import { ksTwoSamplePValue } from '../special/index.ts';
import type { StatKernels } from './kernels.ts';
import type { DriftTest } from './driftTest.ts';

export interface KsResult {
  statistic: number;
  p_value: number;
  method: KsMethod;
  nRef: number;
  nProd: number;
}

/**
 * The registry entry: numerical columns, flagged when D > thresholds.ks_statistic (D is a distance,
 * the share of probability mass that moved, so the rule does not depend on the sample sizes).
 */
export const ksTest: DriftTest<KsStats> = {
  id: 'ks',
  label: 'Kolmogorov-Smirnov',
  statistic: 'D = sup |F_ref - F_prod|',
  columnKinds: ['numerical'],
  comparison: 'distance',
  score: (r) => r.statistic,
  effect: { measure: 'KS D', value: (r) => r.statistic },
  threshold: { key: 'ks_statistic', default: 0.1, max: 1, label: 'KS statistic threshold', rule: 'flag when KS D >' },
  reportKey: 'ks',
  resultKeys: ['statistic', 'p_value', 'method'],
  run(input) {
    if (input.kind !== 'numerical') throw new TypeError('KS runs on numerical columns only');
    const { statistic, p_value, method } = ksFromStatistic(input.kernel.d, input.kernel.nRef, input.kernel.nProd);
    return { statistic, p_value, method };
  },
  fields: [
    { key: 'statistic', label: 'KS statistic', csv: 'ks_statistic', summary: 'KS D', format: 'number', value: (r) => r.statistic },
    { key: 'p_value', label: 'p-value', csv: 'ks_p_value', summary: 'KS p', format: 'p_value', value: (r) => r.p_value },
    { key: 'method', label: 'Method', csv: 'ks_method', format: 'text', value: (r) => r.method },
    {
      key: 'n',
      label: 'n ref / prod',
      csv: null,
      format: 'number',
      value: (_r, f) => f.n.reference,
      text: (_r, f) => `${f.n.reference} / ${f.n.production}`,
    },
  ],
  table: {
    id: 'ks-table',
    heading: 'Kolmogorov–Smirnov (numerical features)',
    caption: 'KS test per numerical feature',
    empty: 'No numerical features.',
    sort: { key: 'statistic', direction: 'descending' },
  },
};

/**
 * Two-sample Kolmogorov-Smirnov test, as scipy.stats.ks_2samp(ref, prod) with its defaults
 * (alternative='two-sided', method='auto'); NaN values are excluded first.
 * @returns D, its p-value and which p-value method was used ('exact' when max(n) <= 10000).
 * @example ksTwoSample(k, Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)) // statistic 1, p_value 0.09999999999999999 (scipy 1.17)
 */
export function ksTwoSample(k: StatKernels, ref: Float64Array, prod: Float64Array): KsResult {
  const r = k.numerical(ref, prod, 1);
  return ksFromStatistic(r.d, r.nRef, r.nProd);
}

/** The KS result for a statistic the kernels already computed. Both samples must be non-empty. */
export function ksFromStatistic(d: number, nRef: number, nProd: number): KsResult {
  if (nRef === 0 || nProd === 0) throw new RangeError('ksTwoSample needs two non-empty samples');
  const { p_value, method } = ksTwoSamplePValue(d, nRef, nProd);
  return { statistic: d, p_value, method, nRef, nProd };
}

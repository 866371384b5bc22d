import type { KsMethod } from '../report/types.ts';
import { ksTwoSamplePValue } from '../special/index.ts';
import type { StatKernels } from './kernels.ts';

export interface KsResult {
  statistic: number;
  p_value: number;
  method: KsMethod;
  nRef: number;
  nProd: number;
}

/** Test metadata for the registry (drift itself is decided in one place, not here). */
export const ksTest = {
  id: 'ks',
  label: 'Kolmogorov-Smirnov',
  columnKinds: ['numerical'],
  statistic: 'D = sup |F_ref - F_prod|',
} as const;

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

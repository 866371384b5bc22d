import type { StatKernels } from './kernels.ts';
import { ksFromStatistic } from './ks.ts';
import { numericalPsi } from './psi.ts';
import { emptySampleError, type FeatureTestStats } from './featureTestStats.ts';

export interface NumericalTestOptions {
  /** Number of reference-quantile bins for PSI (config psi.bins). */
  bins: number;
  /** Floor for bin proportions in PSI (config psi.epsilon). */
  epsilon: number;
}

/**
 * KS test, PSI and drift score (= KS D) of one numerical feature; NaN values are missing and
 * excluded. One kernel call sorts both samples once in wasm memory and returns D and the bin counts.
 * An empty sample gives `error` and null tests.
 */
export function numericalFeatureStats(
  k: StatKernels,
  ref: Float64Array,
  prod: Float64Array,
  opts: NumericalTestOptions,
): FeatureTestStats {
  const r = k.numerical(ref, prod, opts.bins);
  const n = { reference: r.nRef, production: r.nProd };
  const error = emptySampleError(r.nRef, r.nProd);
  if (error) return { n, drift_score: null, ks: null, chi2: null, psi: null, error };
  const { statistic, p_value, method } = ksFromStatistic(r.d, r.nRef, r.nProd);
  return {
    n,
    drift_score: statistic,
    ks: { statistic, p_value, method },
    chi2: null,
    psi: numericalPsi(r, opts.bins, opts.epsilon),
    error: null,
  };
}

import type { StatKernels } from './kernels.ts';
import { emptySampleError, runTests, type FeatureTestStats } from './featureTestStats.ts';
import type { StatRegistry } from './driftTest.ts';
import { STAT_TESTS } from './registry.ts';

export interface NumericalTestOptions {
  /** Number of reference-quantile bins for PSI (config psi.bins). */
  bins: number;
  /** Floor for bin proportions in PSI (config psi.epsilon). */
  epsilon: number;
}

/**
 * Every registered test for numerical columns (KS, PSI) and the drift score (= KS D) of one numerical
 * feature; NaN values are missing and excluded. One kernel call sorts both samples once in wasm memory
 * and returns D and the bin counts, which the tests share. An empty sample gives `error` and null tests.
 */
export function numericalFeatureStats(
  k: StatKernels,
  ref: Float64Array,
  prod: Float64Array,
  opts: NumericalTestOptions,
  tests: StatRegistry = STAT_TESTS,
): FeatureTestStats<'numerical'> {
  const r = k.numerical(ref, prod, opts.bins);
  const n = { reference: r.nRef, production: r.nProd };
  const error = emptySampleError(r.nRef, r.nProd);
  const input = {
    kind: 'numerical' as const,
    reference: ref,
    production: prod,
    kernel: r,
    settings: { bins: opts.bins, epsilon: opts.epsilon },
  };
  return {
    n,
    drift_score: error ? null : r.d,
    ...runTests<'numerical'>(tests, error ? null : input),
    error,
  };
}

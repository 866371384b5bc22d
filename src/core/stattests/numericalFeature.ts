import type { NumericalKernelResult, StatKernels } from './kernels.ts';
import { chosenBy, emptySampleError, runTests, type FeatureTestStats } from './featureTestStats.ts';
import type { StatRegistry } from './driftTest.ts';
import { STAT_TESTS } from './registry.ts';

export interface NumericalTestOptions {
  /** Number of reference-quantile bins for PSI (config psi.bins). */
  bins: number;
  /** Floor for bin proportions in PSI (config psi.epsilon). */
  epsilon: number;
  /** The test ids chosen for the column, given its non-missing reference values (testChoice.ts); absent = all. */
  choose?: (nReference: number) => readonly string[];
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
  return numericalStatsFromKernel(
    k.numerical(ref, prod, opts.bins),
    () => ref,
    () => prod,
    opts,
    tests,
  );
}

/**
 * numericalFeatureStats from the kernels' result, however it was computed (the wasm kernels on two
 * samples, or analyseProfiles from two profiles): the one implementation of the tests' inputs and the
 * drift score. `ref` and `prod` give the samples to a registered test that reads them (TestInput.reference),
 * only when it does.
 */
export function numericalStatsFromKernel(
  r: NumericalKernelResult,
  ref: () => Float64Array,
  prod: () => Float64Array,
  opts: NumericalTestOptions,
  tests: StatRegistry = STAT_TESTS,
): FeatureTestStats<'numerical'> {
  const n = { reference: r.nRef, production: r.nProd };
  const error = emptySampleError(r.nRef, r.nProd);
  let refSample: Float64Array | null = null;
  let prodSample: Float64Array | null = null;
  const input = {
    kind: 'numerical' as const,
    get reference() {
      return (refSample ??= ref());
    },
    get production() {
      return (prodSample ??= prod());
    },
    kernel: r,
    settings: { bins: opts.bins, epsilon: opts.epsilon },
  };
  return {
    n,
    drift_score: error ? null : r.d,
    ...runTests<'numerical'>(tests, error ? null : input, chosenBy(opts.choose, r.nRef)),
    error,
  };
}

export type { StatKernels, NumericalKernelResult } from './kernels.ts';
export { ksTwoSample, ksFromStatistic, type KsResult } from './ks.ts';
export { populationStabilityIndex, numericalPsi } from './psi.ts';
export { chiSquareHomogeneity, type ChiSquareResult } from './chisquare.ts';
export { totalVariation } from './totalVariation.ts';
export { numericalFeatureStats, type NumericalTestOptions } from './numericalFeature.ts';
export { categoricalFeatureStats, MAX_LISTED_CATEGORIES, type CategoricalTestOptions } from './categoricalFeature.ts';
export type { FeatureTestStats } from './featureTestStats.ts';
export { STAT_TESTS, type StatTestInfo, type ColumnKind } from './registry.ts';

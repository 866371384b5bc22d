import type { FeatureStats } from '../report/types.ts';

/** The parts of FeatureStats the statistical tests fill (the pipeline adds name, type, missing). */
export type FeatureTestStats = Pick<
  FeatureStats,
  'n' | 'drift_score' | 'ks' | 'chi2' | 'psi' | 'error' | 'categories_only_in_production' | 'categories_only_in_reference'
>;

/** The message for a feature that has no non-missing values on one side, or null when both have some. */
export function emptySampleError(nRef: number, nProd: number): string | null {
  if (nRef > 0 && nProd > 0) return null;
  const sides = nRef === 0 && nProd === 0 ? 'both files' : nRef === 0 ? 'the reference file' : 'the production file';
  return `no non-missing values in ${sides}; no test can run (check the missing markers or drop the column with columns.drop)`;
}

import type { FeatureStats } from '../report/types.ts';

/** The parts of FeatureStats the statistical tests fill (the pipeline adds name, type, missing). */
export type FeatureTestStats = Pick<
  FeatureStats,
  'n' | 'drift_score' | 'ks' | 'chi2' | 'psi' | 'error' | 'categories_only_in_production' | 'categories_only_in_reference'
>;

/** The message for a feature that has no non-missing values on one side, or null when both have some. */
export function emptySampleError(nRef: number, nProd: number): string | null {
  if (nRef > 0 && nProd > 0) return null;
  if (nRef === 0 && nProd === 0) {
    return 'no non-missing values in both files; no test can run (check the missing markers or drop the column with columns.drop)';
  }
  // decide() flags this case by missing share (all missing on one side only).
  const side = nRef === 0 ? 'the reference file' : 'the production file';
  return `no non-missing values in ${side}; no test can run, so only its missing share is compared (check the missing markers or drop the column with columns.drop)`;
}

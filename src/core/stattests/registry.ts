import { chiSquareTest } from './chisquare.ts';
import { ksTest } from './ks.ts';
import { psiTest } from './psi.ts';
import { totalVariationScore } from './totalVariation.ts';

export type ColumnKind = 'numerical' | 'categorical';

export interface StatTestInfo {
  id: string;
  label: string;
  columnKinds: readonly ColumnKind[];
  statistic: string;
}

/**
 * Every statistical test and score the engine computes, with its metadata. Thresholds and the drift
 * decision live in the config and the report code, not here.
 */
export const STAT_TESTS: readonly StatTestInfo[] = [ksTest, chiSquareTest, psiTest, totalVariationScore];

import type { FeatureStats } from '../report/types.ts';
import type { ColumnProfile, Profile } from '../profile/columnProfile.ts';
import type { DistributionBounds, FeatureDistribution } from './types.ts';
import { distributionWith } from './featureDistribution.ts';
import { fromCumulative, weightedDistribution, type WeightedSample } from './weightedDistribution.ts';

/**
 * The explorer data of one analysed feature when the run compared profiles (a reference profile against
 * the production file's profile): categorical features from the aligned counts of the analysis (as for
 * tables), numerical ones from each side's numbers, exact values with counts or a sketch's retained
 * items with their weights. `approximate` is the largest normalized rank error bound of a side that is
 * a sketch (absent when both are exact: then the view equals the one from the raw files).
 */
export function profileDistribution(
  name: string,
  stats: readonly FeatureStats[],
  reference: Profile,
  production: Profile,
  opts: DistributionBounds = {},
): FeatureDistribution | null {
  return distributionWith(name, stats, reference.columns, production.columns, opts, (r, p) => {
    const view = weightedDistribution(name, weighted(r), weighted(p), opts);
    const bound = Math.max(errorBound(r), errorBound(p));
    return bound > 0 ? { ...view, approximate: bound } : view;
  });
}

/** A column's numbers as distinct values with counts. */
export function weighted(c: ColumnProfile): WeightedSample {
  if (c.numbers.mode === 'exact') return { values: c.numbers.values, counts: c.numbers.counts };
  const { values, cumWeights } = c.numbers.sketch.cdfSteps();
  return fromCumulative(values, cumWeights);
}

function errorBound(c: ColumnProfile): number {
  return c.numbers.mode === 'sketch' ? c.numbers.sketch.errorBound : 0;
}

import { featureDistribution } from '../distribution/featureDistribution.ts';
import { profileDistribution } from '../distribution/profileDistribution.ts';
import type { DistributionBounds, FeatureDistribution } from '../distribution/types.ts';
import type { Profile } from '../profile/columnProfile.ts';
import type { FeatureReport, FeatureStats } from '../report/types.ts';
import type { ParsedTable } from '../table/types.ts';

/**
 * The plot data of the HTML report: 40 bins, 200 ECDF points per side and 20 categories per feature
 * keep 100 features well under 1.5 MB (the SVG is made from these summaries, never from rows).
 */
export const HTML_BOUNDS: Required<DistributionBounds> = { bins: 40, maxPoints: 200, maxCategories: 20 };

/** What the run compared: the two tables, or the two profiles of a profile run. */
export type DistributionSource =
  { mode: 'tables'; reference: ParsedTable; production: ParsedTable } | { mode: 'profiles'; reference: Profile; production: Profile };

/** Bounded distributions of every analysed feature, in report order (the CLI and the dashboard call this). */
export function reportDistributions(features: readonly FeatureReport[], source: DistributionSource): FeatureDistribution[] {
  // A feature's report carries its statistics (with flags added): what the distribution functions read.
  const stats = features as unknown as FeatureStats[];
  const out: FeatureDistribution[] = [];
  for (const f of features) {
    const d =
      source.mode === 'tables'
        ? featureDistribution(f.name, stats, source.reference, source.production, HTML_BOUNDS)
        : profileDistribution(f.name, stats, source.reference, source.production, HTML_BOUNDS);
    if (d) out.push(d);
  }
  return out;
}

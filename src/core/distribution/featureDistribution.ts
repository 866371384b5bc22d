import type { FeatureStats } from '../report/types.ts';
import type { ParsedTable } from '../table/types.ts';
import type { DistributionBounds, FeatureDistribution } from './types.ts';
import { numericalDistribution } from './numericalDistribution.ts';
import { categoricalDistribution } from './categoricalDistribution.ts';

/**
 * The explorer data of one analysed feature: numerical features from the raw columns of both tables,
 * categorical ones from the aligned category counts the analysis already holds. Null for an unknown name.
 */
export function featureDistribution(
  name: string,
  stats: readonly FeatureStats[],
  reference: ParsedTable,
  production: ParsedTable,
  opts: DistributionBounds = {},
): FeatureDistribution | null {
  const s = stats.find((f) => f.name === name);
  if (!s) return null;
  if (s.type === 'categorical') {
    const psi = s.psi;
    if (!psi?.categories) return categoricalDistribution(name, [], [], [], opts.maxCategories);
    return categoricalDistribution(name, psi.categories, psi.reference_counts, psi.production_counts, opts.maxCategories);
  }
  const r = reference.columns.find((c) => c.name === name);
  const p = production.columns.find((c) => c.name === name);
  if (!r || !p) return null;
  return numericalDistribution(name, r.values, p.values, opts);
}

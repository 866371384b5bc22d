import type { FeatureStats } from '../report/types.ts';
import type { ParsedTable } from '../table/types.ts';
import type { DistributionBounds, FeatureDistribution } from './types.ts';
import { numericalDistribution } from './numericalDistribution.ts';
import { categoricalDistribution } from './categoricalDistribution.ts';
import { numericValues } from '../table/numericValues.ts';

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
  return distributionWith(name, stats, reference.columns, production.columns, opts, (r, p) =>
    numericalDistribution(name, numericValues(r), numericValues(p), opts),
  );
}

/**
 * The explorer data of one analysed feature, categorical from the analysis's aligned counts, numerical by
 * `numerical` on the two sides' columns of that name (raw columns or profiles). Null for an unknown name.
 */
export function distributionWith<C extends { name: string }>(
  name: string,
  stats: readonly FeatureStats[],
  reference: readonly C[],
  production: readonly C[],
  opts: DistributionBounds,
  numerical: (r: C, p: C) => FeatureDistribution,
): FeatureDistribution | null {
  const s = stats.find((f) => f.name === name);
  if (!s) return null;
  if (s.type === 'categorical') {
    const psi = s.psi;
    if (!psi?.categories) return categoricalDistribution(name, [], [], [], opts.maxCategories);
    return categoricalDistribution(name, psi.categories, psi.reference_counts, psi.production_counts, opts.maxCategories);
  }
  const r = reference.find((c) => c.name === name);
  const p = production.find((c) => c.name === name);
  if (!r || !p) return null;
  return numerical(r, p);
}

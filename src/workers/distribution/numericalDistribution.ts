import type { NumericalDistribution } from './types.ts';
import { sortedFinite } from './sortedFinite.ts';
import { histogramShares } from './histogramShares.ts';
import { ecdfPoints } from './ecdfPoints.ts';
import { ksLocation } from './ksLocation.ts';

/** Histogram shares on shared bins, both ECDFs and the KS location of one numerical feature (NaN = missing). */
export function numericalDistribution(
  feature: string,
  reference: Float64Array,
  production: Float64Array,
  opts: { bins?: number; maxPoints?: number } = {},
): NumericalDistribution {
  const ref = sortedFinite(reference);
  const prod = sortedFinite(production);
  return {
    kind: 'numerical',
    feature,
    histogram: histogramShares(ref, prod, opts.bins ?? 40),
    ecdf: { reference: ecdfPoints(ref, opts.maxPoints), production: ecdfPoints(prod, opts.maxPoints) },
    ks: ksLocation(ref, prod),
  };
}

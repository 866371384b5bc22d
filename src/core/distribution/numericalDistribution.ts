import type { NumericalDistribution } from './types.ts';
import { sortedFinite } from './sortedFinite.ts';
import { histogramShares } from './histogramShares.ts';
import { ecdfPoints } from './ecdfPoints.ts';
import { ksLocation } from './ksLocation.ts';
import { logHistogramShares } from './logHistogramShares.ts';
import { pooledSkewness } from './skewness.ts';
import { suggestLogScale } from './logScaleRule.ts';

/**
 * Histogram shares on shared bins (linear and log-spaced), both ECDFs, the KS location and the skewness
 * that decides the default scale, of one numerical feature (NaN = missing).
 */
export function numericalDistribution(
  feature: string,
  reference: Float64Array,
  production: Float64Array,
  opts: { bins?: number; maxPoints?: number } = {},
): NumericalDistribution {
  const ref = sortedFinite(reference);
  const prod = sortedFinite(production);
  const skewness = pooledSkewness(ref, prod);
  const min = Math.min(ref.length ? ref[0] : Infinity, prod.length ? prod[0] : Infinity);
  return {
    kind: 'numerical',
    feature,
    histogram: histogramShares(ref, prod, opts.bins ?? 40),
    logHistogram: logHistogramShares(ref, prod, opts.bins ?? 40),
    skewness,
    logSuggested: suggestLogScale(skewness, min),
    ecdf: { reference: ecdfPoints(ref, opts.maxPoints), production: ecdfPoints(prod, opts.maxPoints) },
    ks: ksLocation(ref, prod),
  };
}

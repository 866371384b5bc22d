/** What the distribution explorer draws for one feature (computed in the analysis worker). */
export interface NumericalDistribution {
  kind: 'numerical';
  feature: string;
  /** Shared bins over the combined range; shares are per file (each sums to 1 over its non-missing values). */
  histogram: { edges: number[]; reference: number[]; production: number[] };
  /** Empirical CDFs as step points (x ascending, y = share of values <= x), at most a few thousand each. */
  ecdf: { reference: EcdfPoints; production: EcdfPoints };
  /** Where the two ECDFs are furthest apart: the KS statistic and its location; null when a sample is empty. */
  ks: KsLocation | null;
}

export interface CategoricalDistribution {
  kind: 'categorical';
  feature: string;
  /** Categories by combined count, largest first; the tail is folded into `other`. */
  categories: string[];
  reference: number[];
  production: number[];
  /** Shares of the categories not listed (null when nothing was folded). */
  other: { categories: number; reference: number; production: number } | null;
}

export type FeatureDistribution = NumericalDistribution | CategoricalDistribution;

export interface EcdfPoints {
  x: number[];
  y: number[];
}

export interface KsLocation {
  /** The value where |F_ref(x) - F_prod(x)| is largest (the smallest such x). */
  x: number;
  reference: number;
  production: number;
  distance: number;
}

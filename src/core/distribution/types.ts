/** What the distribution explorer draws for one feature (computed in the analysis worker). */
export interface NumericalDistribution {
  kind: 'numerical';
  feature: string;
  /** Shared bins over the combined range; shares are per file (each sums to 1 over its non-missing values). */
  histogram: Histogram;
  /** The same on log-spaced bins, for a log axis; null when a value is <= 0 (a log axis cannot show it). */
  logHistogram: Histogram | null;
  /** Skewness of both files' values pooled (scipy.stats.skew, bias=True); null when all values are equal. */
  skewness: number | null;
  /** Whether the explorer opens on a log scale (logScaleRule.ts: all values > 0 and skewness above 1). */
  logSuggested: boolean;
  /** Empirical CDFs as step points (x ascending, y = share of values <= x), at most a few thousand each. */
  ecdf: { reference: EcdfPoints; production: EcdfPoints };
  /** Where the two ECDFs are furthest apart: the KS statistic and its location; null when a sample is empty. */
  ks: KsLocation | null;
  /**
   * Present when a side is a profile's sketch (not exact values): its normalized rank error bound, so
   * shares and ECDF heights are within about this much of the raw data's.
   */
  approximate?: number;
}

export interface CategoricalDistribution {
  kind: 'categorical';
  feature: string;
  /**
   * The largest categories by combined share (the tail is folded into `other`), listed largest first,
   * or in numeric order when every category is a number ("1", "2", "10", not "1", "10", "2").
   */
  categories: string[];
  reference: number[];
  production: number[];
  /** Shares of the categories not listed (null when nothing was folded). */
  other: { categories: number; reference: number; production: number } | null;
}

export interface Histogram {
  edges: number[];
  reference: number[];
  production: number[];
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

/** Caps on a distribution's size: histogram bins, ECDF points per side, categories listed (defaults: the explorer's). */
export interface DistributionBounds {
  bins?: number;
  maxPoints?: number;
  maxCategories?: number;
}

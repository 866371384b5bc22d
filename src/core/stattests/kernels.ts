/**
 * The contract between the pure core and the wasm kernels (src/kernels/ implements it; the core never
 * loads wasm itself). Only numbers and typed arrays cross; samples stay in wasm memory for all the work
 * done on one feature.
 */
export interface NumericalKernelResult {
  /** Non-NaN values in each sample. */
  nRef: number;
  nProd: number;
  /** Two-sample KS statistic sup |F_ref - F_prod| (0 when either sample is empty). */
  d: number;
  /** numpy.quantile(ref, linspace(0, 1, bins + 1)) with linear interpolation (bins + 1 values). */
  quantiles: Float64Array;
  /**
   * The PSI bins (psiBins.ts): the inner quantiles as edges, a value on which they collapse getting
   * its own bin. Empty when the reference has no values.
   */
  edges: number[];
  pointMasses: number[];
  /** Counts per bin (edges.length + 1 bins, outer edges -inf/+inf), left-closed like np.histogram but for point masses. */
  refCounts: Float64Array;
  prodCounts: Float64Array;
  /**
   * The reference's min and max (Infinity and -Infinity without values) and the production values
   * below and above them, read off the sorted samples: outOfRangeFromValues' figures (quality/outOfRange.ts)
   * without its two passes. Absent where the kernels do not give it, or where a -0 among the
   * reference's zeros leaves the sign of a zero min or max to the file order.
   */
  range?: { min: number; max: number; below: number; above: number };
}

export interface StatKernels {
  /** KS statistic and PSI bins and counts of one numerical feature; NaN values are excluded. */
  numerical(ref: Float64Array, prod: Float64Array, bins: number): NumericalKernelResult;
  /** Counts of codes 0..k-1; code -1 (missing) is ignored. */
  countCodes(codes: Int32Array, k: number): Float64Array;
}

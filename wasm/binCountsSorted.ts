/**
 * Histogram counts of an ascending array without NaN for the edges [-inf, edges[0..m), +inf]:
 * m + 1 bins, each left-closed, the last one also holding +inf, i.e. numpy.histogram(a, bins=edges)
 * (numpy/lib/_histograms_impl.py, `_search_sorted_inclusive`: searchsorted 'left' on every edge
 * but the last, which is +inf here). On sorted data bin i holds
 * lowerBound(edge[i]) - lowerBound(edge[i-1]); duplicate edges give empty bins. Counts go to `out`
 * as f64 (m + 1 values). `edges` must be non-decreasing.
 */
export function binCountsSorted(ptr: usize, n: i32, edges: usize, m: i32, out: usize): void {
  let previous: i32 = 0;
  for (let e: i32 = 0; e < m; e++) {
    const bound = lowerBound(ptr, n, load<f64>(edges + (<usize>e << 3)));
    store<f64>(out + (<usize>e << 3), <f64>(bound - previous));
    previous = bound;
  }
  store<f64>(out + (<usize>m << 3), <f64>(n - previous));
}

/** Number of elements strictly below x (numpy.searchsorted(a, x, side='left')). */
export function lowerBound(ptr: usize, n: i32, x: f64): i32 {
  let lo: i32 = 0;
  let hi: i32 = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<f64>(ptr + (<usize>mid << 3)) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

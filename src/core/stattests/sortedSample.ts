/**
 * A numerical sample ascending without its missing values (NaN), for the tests that read whole samples
 * (Wasserstein, Cramér-von Mises, Anderson-Darling). Cached per array, so the tests chosen for one
 * feature sort each side once.
 */
const cache = new WeakMap<Float64Array, Float64Array>();

export function sortedSample(x: Float64Array): Float64Array {
  let s = cache.get(x);
  if (!s) {
    // Typed-array sort is numeric; profile samples arrive sorted already, so this is then a linear pass.
    s = x.filter((v) => !Number.isNaN(v)).sort();
    cache.set(x, s);
  }
  return s;
}

/** The number of values of sorted `s` that are <= v (numpy searchsorted side='right'). */
export function countAtMost(s: Float64Array, v: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of values of sorted `s` that are < v (numpy searchsorted side='left'). */
export function countBelow(s: Float64Array, v: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

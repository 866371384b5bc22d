/**
 * The median of the non-NaN values among `rows` of `values`, as numpy.median computes it on them
 * (the mean of the two middle values for an even count). NaN when every value is missing.
 * Linear time: Hoare's quickselect (Hoare 1961, "Algorithm 65: FIND", CACM 4(7)) with a
 * median-of-three pivot, on a copy; no randomness, so the same input takes the same steps.
 * @example median(Float64Array.of(3, NaN, 1, 2, 10), Int32Array.of(0, 1, 2, 3, 4)) // 2.5
 */
export function median(values: Float64Array, rows: Int32Array): number {
  const a = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) a[n++] = v;
  }
  if (n === 0) return NaN;
  const mid = n >> 1;
  const upper = select(a, n, mid);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (a[i] > lower) lower = a[i]; // after select, a[0..mid) <= a[mid]
  return (lower + upper) / 2;
}

/** Rearranges a[0..n) so that a[k] is the k-th smallest, smaller-or-equal values before it; returns a[k]. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const m = (lo + hi) >> 1;
    // median of three into a[m]
    if (a[m] < a[lo]) swap(a, m, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[m]) swap(a, hi, m);
    const pivot = a[m];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

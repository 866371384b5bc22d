/**
 * The median of the non-NaN values among `rows` of `values`, as numpy.median computes it on them
 * (the mean of the two middle values for an even count). NaN when every value is missing.
 * @example median(Float64Array.of(3, NaN, 1, 2, 10), Int32Array.of(0, 1, 2, 3, 4)) // 2.5
 */
export function median(values: Float64Array, rows: Int32Array): number {
  const present = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) present[n++] = v;
  }
  if (n === 0) return NaN;
  const sorted = present.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

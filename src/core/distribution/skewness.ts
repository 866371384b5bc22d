/**
 * Sample skewness of the values of two ascending samples pooled together: the biased Fisher-Pearson
 * coefficient m3 / m2^1.5 with central moments over n (scipy.stats.skew's default, bias=True).
 * Null when there are fewer than two values or all are equal (m2 = 0, skewness undefined).
 * Two passes (mean, then moments) rather than power sums, which lose precision when the mean is large.
 */
export function pooledSkewness(a: Float64Array, b: Float64Array): number | null {
  const n = a.length + b.length;
  if (n < 2) return null;
  let sum = 0;
  for (const xs of [a, b]) for (let i = 0; i < xs.length; i++) sum += xs[i];
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (const xs of [a, b])
    for (let i = 0; i < xs.length; i++) {
      const d = xs[i] - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
  m2 /= n;
  m3 /= n;
  // Equal values can leave rounding noise in m2 (mean not exactly representable): treat a spread
  // below 1e-14 of the mean's magnitude as none, as scipy does (it returns nan there).
  if (m2 <= (1e-14 * Math.max(1, Math.abs(mean))) ** 2) return null;
  return m3 / m2 ** 1.5;
}

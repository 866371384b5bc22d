/**
 * Two-sample Kolmogorov-Smirnov distance D = max |F_a(x) - F_b(x)| of two samples sorted ascending
 * (the statistic of scipy.stats.ks_2samp). Pure TypeScript so the label-free estimate needs no wasm
 * kernels; the reported drift test on the same scores goes through src/core/stattests/ks.ts.
 * @example ksDistance(Float64Array.of(1, 2), Float64Array.of(3, 4)) // 1
 */
export function ksDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = a.length;
  const nb = b.length;
  if (!na || !nb) return 0;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < na && j < nb) {
    const x = Math.min(a[i], b[j]);
    while (i < na && a[i] <= x) i++;
    while (j < nb && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / na - j / nb));
  }
  return d;
}

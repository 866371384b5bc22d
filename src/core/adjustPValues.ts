import type { PValueCorrection } from './config/types.ts';

/**
 * Multiple-testing adjustment of p-values, as statsmodels' `multipletests(p, method=...)` returns them:
 * 'bonferroni' = min(1, p * m); 'fdr_bh' = Benjamini-Hochberg step-up adjusted p-values
 * (p_(i) * m / i, made monotone from the largest down, capped at 1). NaN entries are left out of m.
 */
export function adjustPValues(p: readonly number[], method: PValueCorrection): number[] {
  if (method === 'none') return p.slice();
  const idx = p.map((_, i) => i).filter((i) => Number.isFinite(p[i]));
  const m = idx.length;
  const out = p.slice();
  if (method === 'bonferroni') {
    for (const i of idx) out[i] = Math.min(1, p[i] * m);
    return out;
  }
  idx.sort((a, b) => p[a] - p[b]);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r];
    running = Math.min(running, (p[i] * m) / (r + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}

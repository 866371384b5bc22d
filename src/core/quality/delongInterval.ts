/**
 * The AUC with DeLong's variance and a normal 95% interval: DeLong, DeLong & Clarke-Pearson (1988),
 * Comparing the areas under two or more correlated ROC curves, Biometrics 44, with the midrank
 * computation of Sun & Xu (2014), Fast implementation of DeLong's algorithm, IEEE SPL 21.
 *
 * With m positives X and n negatives Y: V10_i = (Tz_i - Tx_i) / n and V01_j = 1 - (Tz_j - Ty_j) / m,
 * T being midranks over all scores (Tz), within X (Tx) and within Y (Ty); AUC = mean(V10);
 * var = s10^2 / m + s01^2 / n with sample variances (denominator m - 1, n - 1).
 */
const Z975 = 1.959963984540054;

export interface AucInterval {
  auc: number;
  se: number;
  lower: number;
  upper: number;
}

export function delongInterval(positive: ArrayLike<number>, scores: ArrayLike<number>): AucInterval | null {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < scores.length; i++) (positive[i] ? x : y).push(scores[i]);
  const m = x.length;
  const n = y.length;
  if (m < 2 || n < 2) return null;
  const tx = midranks(x);
  const ty = midranks(y);
  const tz = midranks([...x, ...y]);
  const v10 = x.map((_, i) => (tz[i] - tx[i]) / n);
  const v01 = y.map((_, j) => 1 - (tz[m + j] - ty[j]) / m);
  const auc = mean(v10);
  const variance = sampleVariance(v10) / m + sampleVariance(v01) / n;
  const se = Math.sqrt(Math.max(variance, 0));
  return { auc, se, lower: Math.max(0, auc - Z975 * se), upper: Math.min(1, auc + Z975 * se) };
}

/** 1-based midranks (ties share the mean of their ranks). */
export function midranks(v: readonly number[]): Float64Array {
  const order = Array.from(v.keys()).sort((a, b) => v[a] - v[b]);
  const out = new Float64Array(v.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]] === v[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) out[order[t]] = rank;
    i = j + 1;
  }
  return out;
}

function mean(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

function sampleVariance(v: readonly number[]): number {
  const mu = mean(v);
  let s = 0;
  for (const x of v) s += (x - mu) * (x - mu);
  return s / (v.length - 1);
}

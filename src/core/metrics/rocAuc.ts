/**
 * Area under the ROC curve of `scores` for the rows where `positive[i]` is 1, as scikit-learn's
 * `roc_auc_score(y, scores)`: the trapezoidal area equals the Mann-Whitney U statistic / (P * N),
 * with tied scores counting one half. Integer counts are summed exactly and divided once.
 *
 * References: Hanley & McNeil (1982), The meaning and use of the area under a ROC curve, Radiology 143.
 *
 * @param positive 1 for a positive row, 0 otherwise
 * @param scores higher = more likely positive (NaN rows are not allowed)
 * @returns the AUC, or null when one of the two classes is absent (sklearn raises there)
 * @example rocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
export function rocAuc(positive: ArrayLike<number>, scores: ArrayLike<number>): number | null {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);
  let negBelow = 0;
  let u = 0; // twice the U statistic, so ties add whole numbers
  let pos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let p = 0;
    let q = 0;
    while (j < n && scores[order[j]] === scores[order[i]]) {
      if (positive[order[j]]) p++;
      else q++;
      j++;
    }
    u += 2 * p * negBelow + p * q;
    negBelow += q;
    pos += p;
    i = j;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  return u / (2 * pos * neg);
}

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
  let nPos = 0;
  for (let i = 0; i < n; i++) if (positive[i]) nPos++;
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  // Two sorted typed arrays (native numeric sort) and one merge: for each positive score, the
  // negatives below it count 1 and the tied ones 1/2 (kept as 2U to stay in integers).
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(nNeg);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (positive[i]) pos[a++] = scores[i];
    else neg[b++] = scores[i];
  }
  pos.sort();
  neg.sort();
  let u2 = 0;
  let below = 0;
  let upTo = 0;
  for (let i = 0; i < nPos;) {
    const s = pos[i];
    let j = i;
    while (j < nPos && pos[j] === s) j++;
    while (below < nNeg && neg[below] < s) below++;
    upTo = Math.max(upTo, below);
    while (upTo < nNeg && neg[upTo] === s) upTo++;
    u2 += (j - i) * (2 * below + (upTo - below));
    i = j;
  }
  return u2 / (2 * nPos * nNeg);
}

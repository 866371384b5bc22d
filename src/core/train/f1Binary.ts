/**
 * F1 score and accuracy of 0/1 predictions against 0/1 truth, positive class 1, as sklearn's
 * `f1_score(y, p, zero_division=0)` and `accuracy_score(y, p)`. The trainer's own small copy, used
 * for the challenger on the held-out rows (the full metrics live with model scoring).
 * @example f1Binary(Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 0, 1, 0)) // { f1: 0.5, accuracy: 0.5 }
 */
export function f1Binary(truth: Uint8Array, predicted: Uint8Array): { f1: number; accuracy: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (t === p) right++;
    if (p === 1 && t === 1) tp++;
    else if (p === 1) fp++;
    else if (t === 1) fn++;
  }
  const denominator = 2 * tp + fp + fn;
  return { f1: denominator === 0 ? 0 : (2 * tp) / denominator, accuracy: truth.length === 0 ? 0 : right / truth.length };
}

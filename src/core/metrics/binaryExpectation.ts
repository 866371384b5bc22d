/**
 * The expected binary confusion counts when each row's label is positive with probability q[i], and
 * the sampling variance of accuracy and F1 over those unknown labels: exact for accuracy (a sum of
 * Bernoulli terms), the delta method for F1 = 2A / (m + A + B) with A = expected true positives,
 * B = expected false negatives, m = rows predicted positive.
 */
export interface BinaryExpectation {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  rows: number;
  accuracy: number;
  f1: number;
  accuracyVar: number;
  f1Var: number;
}

/**
 * @param q positive-class probability per row (or per cell of rows)
 * @param predictedPositive 1 where the row is predicted positive, else 0
 * @param count rows per entry (cells of equal rows); omitted = 1 each
 */
export function binaryExpectation(
  q: ArrayLike<number>,
  predictedPositive: ArrayLike<number>,
  count?: ArrayLike<number>,
): BinaryExpectation {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0,
    m = 0,
    n = 0,
    vA = 0,
    vB = 0;
  for (let i = 0; i < q.length; i++) {
    const c = count ? count[i] : 1;
    if (c === 0) continue;
    const p = q[i];
    const v = c * p * (1 - p);
    n += c;
    if (predictedPositive[i]) {
      tp += c * p;
      fp += c * (1 - p);
      m += c;
      vA += v;
    } else {
      fn += c * p;
      tn += c * (1 - p);
      vB += v;
    }
  }
  const accuracy = n ? (tp + tn) / n : 0;
  const d = m + tp + fn;
  const f1 = d ? (2 * tp) / d : 0;
  // dF/dA = 2 (m + B) / D^2, dF/dB = -2 A / D^2 with D = m + A + B.
  const f1Var = d ? ((2 * (m + fn)) / (d * d)) ** 2 * vA + ((2 * tp) / (d * d)) ** 2 * vB : 0;
  return { tp, fp, fn, tn, rows: n, accuracy, f1, accuracyVar: n ? (vA + vB) / (n * n) : 0, f1Var };
}

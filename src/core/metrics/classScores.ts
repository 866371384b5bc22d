/** Precision, recall, F1 and support of one class. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/**
 * Per-class scores from a confusion matrix, as scikit-learn's `precision_recall_fscore_support(...,
 * average=None, zero_division=0)`: a ratio with a zero denominator is 0, and F1 = 2 tp / (2 tp + fp + fn)
 * (sklearn >= 1.3 computes it this way rather than from the rounded precision and recall).
 *
 * @param matrix confusion matrix, rows = true class, columns = predicted class
 * @returns one entry per class, in class order
 * @example classScores([[1, 0], [1, 1]])[1] // { precision: 1, recall: 0.5, f1: 0.666..., support: 2 }
 */
export function classScores(matrix: readonly (readonly number[])[]): ClassScores[] {
  const k = matrix.length;
  return matrix.map((row, c) => {
    const tp = row[c];
    let predicted = 0;
    for (let r = 0; r < k; r++) predicted += matrix[r][c];
    const support = row.reduce((a, b) => a + b, 0);
    const fp = predicted - tp;
    const fn = support - tp;
    return {
      precision: predicted ? tp / predicted : 0,
      recall: support ? tp / support : 0,
      f1: 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0,
      support,
    };
  });
}

import { classScores } from './classScores.ts';
import { confusionMatrix } from './confusionMatrix.ts';
import { rocAuc } from './rocAuc.ts';

export interface ClassificationInput {
  /** Class names; indices below point into this list. */
  classes: readonly string[];
  yTrue: Int32Array;
  yPred: Int32Array;
  /** Row-major n x classes.length probabilities, or null (no ROC AUC then). */
  proba: ArrayLike<number> | null;
  /** Index of the positive class for the binary scores; null for multiclass (macro then). */
  positive: number | null;
}

export interface ClassReport {
  class: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetrics {
  rows: number;
  accuracy: number;
  /** Binary: on the positive class. Multiclass: the macro averages. */
  precision: number;
  recall: number;
  f1: number;
  precision_macro: number;
  recall_macro: number;
  f1_macro: number;
  precision_weighted: number;
  recall_weighted: number;
  f1_weighted: number;
  /** Binary: positive class vs its probability. Multiclass: one-vs-rest macro. Null without probabilities or when a class is absent. */
  roc_auc: number | null;
  /** Rows = true class, columns = predicted class, in `classes` order. */
  confusion_matrix: number[][];
  per_class: ClassReport[];
}

/**
 * The scores scikit-learn reports for a classifier: `accuracy_score`, `precision_recall_fscore_support`
 * (binary on the positive class, macro, weighted; zero_division=0), `roc_auc_score` (multiclass:
 * multi_class='ovr', average='macro'), `confusion_matrix` and `classification_report`.
 * Checked against scikit-learn on tests/fixtures/metrics (scripts/make_metric_fixtures.py).
 */
export function classificationMetrics(input: ClassificationInput): ClassificationMetrics {
  const { classes, yTrue, yPred, proba, positive } = input;
  const k = classes.length;
  const n = yTrue.length;
  const matrix = confusionMatrix(yTrue, yPred, k);
  const scores = classScores(matrix);
  let correct = 0;
  for (let c = 0; c < k; c++) correct += matrix[c][c];
  const mean = (key: 'precision' | 'recall' | 'f1') => scores.reduce((a, s) => a + s[key], 0) / k;
  const weighted = (key: 'precision' | 'recall' | 'f1') => (n ? scores.reduce((a, s) => a + s[key] * s.support, 0) / n : 0);
  const macro = { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
  const head = positive === null ? macro : scores[positive];
  return {
    rows: n,
    accuracy: n ? correct / n : 0,
    precision: head.precision,
    recall: head.recall,
    f1: head.f1,
    precision_macro: macro.precision,
    recall_macro: macro.recall,
    f1_macro: macro.f1,
    precision_weighted: weighted('precision'),
    recall_weighted: weighted('recall'),
    f1_weighted: weighted('f1'),
    roc_auc: proba ? auc(yTrue, proba, k, positive) : null,
    confusion_matrix: matrix,
    per_class: scores.map((s, c) => ({ class: classes[c], ...s })),
  };
}

function auc(yTrue: Int32Array, proba: ArrayLike<number>, k: number, positive: number | null): number | null {
  const n = yTrue.length;
  const oneVsRest = (c: number) => {
    const isC = new Uint8Array(n);
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      isC[i] = yTrue[i] === c ? 1 : 0;
      score[i] = proba[i * k + c];
    }
    return rocAuc(isC, score);
  };
  if (k === 2) return oneVsRest(positive ?? 1);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const a = oneVsRest(c);
    if (a === null) return null;
    sum += a;
  }
  return sum / k;
}

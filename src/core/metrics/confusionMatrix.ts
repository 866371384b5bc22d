/**
 * Confusion matrix as scikit-learn's `confusion_matrix(y_true, y_pred, labels=classes)`: row = true
 * class, column = predicted class, both as indices into the class list.
 *
 * @param yTrue true class index per row
 * @param yPred predicted class index per row (same length)
 * @param classCount number of classes
 * @returns classCount x classCount counts
 * @example confusionMatrix(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1), 2) // [[1, 0], [1, 1]]
 */
export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, classCount: number): number[][] {
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]][yPred[i]]++;
  return m;
}

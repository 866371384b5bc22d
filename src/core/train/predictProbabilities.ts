import { designMatrix } from './designMatrix.ts';
import type { FeatureInput, LogisticModel } from './types.ts';
import { exp } from './portableMath.ts';

/**
 * The model's positive-class probability for `rows` of `inputs`, in double precision:
 * 1 / (1 + exp(-(x·coef + intercept))) on the preprocessed row. The predicted class is the positive
 * one when this is > 0.5 (sklearn predicts class 1 when the margin is > 0).
 */
export function predictProbabilities(model: LogisticModel, inputs: FeatureInput[], rows: Int32Array): Float64Array {
  const x = designMatrix(model.preprocessing, inputs, rows);
  const { k, m, numeric, hot } = x;
  const coef = model.coef;
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = model.intercept;
    for (let j = 0; j < k; j++) s += numeric[i * k + j] * coef[j];
    for (let c = 0; c < m; c++) s += coef[hot[i * m + c]];
    out[i] = 1 / (1 + exp(-s));
  }
  return out;
}

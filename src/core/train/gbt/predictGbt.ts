import { designMatrix } from '../designMatrix.ts';
import type { FeatureInput } from '../types.ts';
import type { GbtModel } from './types.ts';
import { exp } from '../portableMath.ts';

/**
 * The model's raw scores (log-odds) for `rows` of `inputs`: baseScore plus one leaf value per tree,
 * traversing each tree as the ONNX TreeEnsembleClassifier does (numericals read as float32, x <=
 * threshold goes left, NaN follows missingLeft; a one-hot column is 1 for the row's level, else 0).
 * Summed in float64 (ONNX sums in float32: differences of ~1e-7 relative).
 */
export function predictGbtRaw(model: GbtModel, inputs: FeatureInput[], rows: Int32Array): Float64Array {
  const { numerical, categorical, minFrequency } = model.features;
  const k = numerical.length;
  const m = categorical.length;
  const n = rows.length;
  const byName = new Map(inputs.map((f) => [f.name, f]));
  const x = new Float64Array(n * k);
  numerical.forEach((name, j) => {
    const input = byName.get(name);
    if (!input || input.kind !== 'numerical') throw new Error(`predictGbtRaw: no numerical input "${name}"`);
    for (let i = 0; i < n; i++) x[i * k + j] = Math.fround(input.values[rows[i]]);
  });
  // Matrix column (>= k) of the 1 in each categorical block, per row.
  const hot = designMatrix({ numerical: [], categorical, minFrequency }, inputs, rows).hot;
  for (let i = 0; i < hot.length; i++) hot[i] += k;
  // Which block a one-hot matrix column belongs to.
  const blockOf: number[] = [];
  categorical.forEach((s, c) => {
    for (let l = 0; l <= s.levels.length; l++) blockOf.push(c);
  });
  const out = new Float64Array(n).fill(model.baseScore);
  for (const tree of model.trees) {
    const { feature, threshold, missingLeft, left, right, value } = tree;
    for (let i = 0; i < n; i++) {
      let node = 0;
      while (feature[node] >= 0) {
        const f = feature[node];
        let goLeft: boolean;
        if (f < k) {
          const v = x[i * k + f];
          goLeft = v === v ? v <= threshold[node] : missingLeft[node] === 1;
        } else {
          const v = hot[i * m + blockOf[f - k]] === f ? 1 : 0;
          goLeft = v <= threshold[node];
        }
        node = goLeft ? left[node] : right[node];
      }
      out[i] += value[node];
    }
  }
  return out;
}

/** Positive-class probabilities: sigmoid of predictGbtRaw. */
export function predictGbtProbabilities(model: GbtModel, inputs: FeatureInput[], rows: Int32Array): Float64Array {
  const raw = predictGbtRaw(model, inputs, rows);
  for (let i = 0; i < raw.length; i++) raw[i] = 1 / (1 + exp(-raw[i]));
  return raw;
}

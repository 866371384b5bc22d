import type { FitHooks } from '../types.ts';
import type { BinnedFeatures } from './binFeatures.ts';
import { growTree, treeWorkspace } from './growTree.ts';
import type { GbtParams, GbtTree } from './types.ts';
import { exp, log } from '../portableMath.ts';

/** sklearn HistGradientBoostingClassifier's defaults, except max_depth 3 (sklearn: None with 31 leaves). */
export const DEFAULT_GBT_PARAMS: GbtParams = {
  learningRate: 0.1,
  nEstimators: 100,
  maxDepth: 3,
  maxLeafNodes: null,
  minSamplesLeaf: 20,
  l2: 0,
  maxBins: 255,
};

export interface GbtFit {
  /** Initial raw score (float32 value): log(p / (1 - p)) of the training positive rate. */
  baseScore: number;
  trees: GbtTree[];
}

/**
 * Binary gradient boosting with the log-loss (binary cross-entropy) on binned features, as
 * sklearn's HistGradientBoostingClassifier (Friedman's gradient boosting with second-order leaf
 * values, Chen & Guestrin's XGBoost gain):
 *
 *   raw_0 = log(p / (1 - p)), p = mean(y);   for each of `nEstimators` trees:
 *   p_i = sigmoid(raw_i), g_i = p_i - y_i, h_i = p_i (1 - p_i);  grow a tree on (g, h) (growTree);
 *   raw_i += its leaf value.
 *
 * No early stopping, no row or feature subsampling: the result depends on the data only, so the
 * same rows give the same trees. Progress per tree ('fit', iteration = trees so far, gradientMax =
 * the largest |g|); with a signal, yields between trees and throws when aborted.
 */
export async function fitGradientBoosting(data: BinnedFeatures, y: Uint8Array, params: GbtParams, hooks: FitHooks = {}): Promise<GbtFit> {
  const n = data.n;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  const rate = positives / n;
  const baseScore = Math.fround(log(rate / (1 - rate)));
  const raw = new Float64Array(n).fill(baseScore);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const ws = treeWorkspace(data);
  const trees: GbtTree[] = [];
  for (let t = 0; t < params.nEstimators; t++) {
    if (hooks.signal) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      hooks.signal.throwIfAborted();
    }
    let gradientMax = 0;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + exp(-raw[i]));
      const g = p - y[i];
      grad[i] = g;
      hess[i] = p * (1 - p);
      if (Math.abs(g) > gradientMax) gradientMax = Math.abs(g);
    }
    trees.push(growTree(data, grad, hess, raw, params, ws));
    hooks.onProgress?.({ phase: 'fit', iteration: t + 1, gradientMax });
  }
  return { baseScore, trees };
}

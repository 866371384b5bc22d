/**
 * Types of the gradient-boosted trees family: plain data (numbers, strings, arrays), so a fitted
 * model can cross a worker boundary or be written into ONNX metadata as JSON, like LogisticModel.
 */
import type { CategoricalStep } from '../types.ts';

/**
 * The tree input matrix [N, F] the trees split on, in the column order of the ONNX graph's Concat:
 * the raw numerical columns (float32, missing = NaN, no imputation or scaling: trees do not need
 * them), then for each categorical its one-hot block (levels, then "other"), as the logistic
 * preprocessing builds it (fitPreprocessing / designMatrix with the same `minFrequency`).
 */
export interface GbtFeatures {
  numerical: string[];
  categorical: CategoricalStep[];
  minFrequency: number;
}

/**
 * One regression tree as parallel node arrays (node 0 = root, nodes in depth-first order: a node,
 * its left subtree, its right subtree). A leaf has feature -1.
 *
 * A split sends a row left when `x <= threshold` (BRANCH_LEQ), x being the row's matrix value as
 * float32; a missing numerical value (NaN) goes left when `missingLeft` is 1, else right.
 */
export interface GbtTree {
  feature: number[];
  /** float32 values (Math.fround), so the trainer and ONNX compare exactly the same numbers. */
  threshold: number[];
  missingLeft: number[];
  left: number[];
  right: number[];
  /** Leaf values (learning rate included), float32 values; 0 on internal nodes. */
  value: number[];
}

/** Binary gradient boosting with log-loss on histogram-binned features. */
export interface GbtModel {
  family: 'gradient_boosting';
  trainerVersion: string;
  features: GbtFeatures;
  /** The two label classes as text, [negative, positive]. */
  classes: [string, string];
  /** Initial raw score: the log-odds of the positive class on the training rows (float32 value). */
  baseScore: number;
  trees: GbtTree[];
  params: GbtParams;
}

export interface GbtParams {
  /** Shrinkage applied to every leaf value (sklearn `learning_rate`, default 0.1). */
  learningRate: number;
  /** Boosting iterations (sklearn `max_iter`, default 100). */
  nEstimators: number;
  /** Largest number of split levels (root = depth 0; default 3, so at most 8 leaves). */
  maxDepth: number;
  /** Largest number of leaves per tree, grown best-first; null = only maxDepth limits (default). */
  maxLeafNodes: number | null;
  /** Fewest training rows in a leaf (default 20). */
  minSamplesLeaf: number;
  /** L2 penalty on leaf values: value = -G / (H + l2) (sklearn `l2_regularization`, default 0). */
  l2: number;
  /** Value bins per numerical feature, missing values excluded (at most 255, default 255). */
  maxBins: number;
}

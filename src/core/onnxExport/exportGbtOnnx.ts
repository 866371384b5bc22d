import type { GbtModel } from '../train/gbt/types.ts';
import type { Attribute, Node, Tensor, ValueInfo } from './onnxProto.ts';
import {
  categoricalOneHotBlocks,
  checkFeatureNames,
  encodeClassifierModel,
  labelFromProbabilities,
  ML,
  numericalInputBlock,
  OUTPUT_PROBABILITIES,
} from './preprocessingGraph.ts';

/**
 * A weight the binary TreeEnsembleClassifier gets when no leaf value is negative (see below):
 * small enough to change no float32 sum it is added to.
 */
const NEGATIVE_TOKEN = -1e-30;

/**
 * Gradient-boosted trees as a standalone ONNX model on the raw columns, with the same inputs as
 * exportLogisticOnnx (float [N, 1] per numerical, missing = NaN; string [N, 1] per categorical):
 *
 * - numericals: Concat, raw (no imputation or scaling: the trees split on float32 values and route
 *   NaN by each node's missing direction);
 * - categoricals: the logistic export's one-hot blocks (LabelEncoder -> OneHotEncoder -> Reshape);
 * - Concat -> [N, F] -> TreeEnsembleClassifier (ai.onnx.ml opset 3): every split BRANCH_LEQ
 *   (x <= threshold goes to the true node), nodes_missing_value_tracks_true = the learned missing
 *   direction, one vote per leaf for class id 0 with the leaf value, base_values = [initial
 *   log-odds], post_transform LOGISTIC, classlabels_int64s [0, 1];
 * - outputs: `probabilities` float [N, 2] straight from the ensemble, `label` [N] from ArgMax over
 *   them (labelFromProbabilities; the ensemble's own label output is left unused).
 *
 * How onnxruntime treats this binary ensemble (tree_ensemble_aggregator.h, TreeAggregatorClassifier):
 * with one class id and two labels it is the "binary case"; the score is s = base + the sum of the
 * leaf votes, `probabilities` = [1 - sigmoid(s), sigmoid(s)] and its own label is class 1 when
 * s > 0 (tests/core/train/gbt.test.ts checks both in onnxruntime-web 1.30, including NaN routing).
 * The aggregator has a separate branch for ensembles whose weights are all >= 0 (probability-style
 * ensembles, label rule p > 0.5); onnxruntime-web 1.30 gives the same probabilities there, but to
 * stay on the margin branch in any runtime, a model without a negative leaf value gets one extra
 * vote of -1e-30 on its first leaf, which no float32 sum can notice. We take the label from the
 * probabilities (argmax, the negative class on a tie), not from the ensemble's own label output.
 *
 * Thresholds are float32 values chosen between training values (binFeatures), so ONNX's float32
 * comparisons agree with the trainer's. Leaf values are float32; onnxruntime sums them in float32,
 * the trainer in float64: probabilities agree to ~1e-6.
 */
export function exportGbtOnnx(model: GbtModel): Uint8Array {
  const f = model.features;
  checkFeatureNames([...f.numerical, ...f.categorical.map((s) => s.name)]);
  const nodes: Node[] = [];
  const initializers: Tensor[] = [];
  const inputs: ValueInfo[] = [];
  const blocks: string[] = [];
  if (f.numerical.length > 0) blocks.push(numericalInputBlock(f.numerical, { nodes, initializers, inputs }));
  blocks.push(...categoricalOneHotBlocks(f.categorical, { nodes, initializers, inputs }));
  nodes.push({
    name: 'dm__concat_features',
    opType: 'Concat',
    inputs: blocks,
    outputs: ['dm__features'],
    attributes: [{ name: 'axis', i: 1 }],
  });
  nodes.push({
    name: 'dm__trees',
    opType: 'TreeEnsembleClassifier',
    domain: ML,
    inputs: ['dm__features'],
    outputs: ['dm__tree_label', OUTPUT_PROBABILITIES],
    attributes: treeAttributes(model),
  });
  const labelType = labelFromProbabilities(model.classes, { nodes, initializers });

  return encodeClassifierModel({
    graphName: 'drift_monitor_gradient_boosting',
    docString:
      'Gradient-boosted trees retrained by drift-monitor; one-hot encoding of categoricals inside the graph, numericals raw (missing = NaN).',
    trainerVersion: model.trainerVersion,
    numerical: f.numerical,
    categorical: f.categorical.map((s) => s.name),
    classes: model.classes,
    labelType,
    modelJson: JSON.stringify(model, (_, v: unknown) => (v === Infinity ? 'Infinity' : v)),
    nodes,
    initializers,
    inputs,
  });
}

/** The TreeEnsembleClassifier attributes (see exportGbtOnnx). */
function treeAttributes(model: GbtModel): Attribute[] {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const modes: string[] = [];
  const values: number[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const missingTrue: number[] = [];
  const classTree: number[] = [];
  const classNode: number[] = [];
  const classWeights: number[] = [];
  model.trees.forEach((tree, t) => {
    for (let i = 0; i < tree.feature.length; i++) {
      const leaf = tree.feature[i] < 0;
      treeIds.push(t);
      nodeIds.push(i);
      featureIds.push(leaf ? 0 : tree.feature[i]);
      modes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      values.push(leaf ? 0 : tree.threshold[i]);
      trueIds.push(leaf ? 0 : tree.left[i]);
      falseIds.push(leaf ? 0 : tree.right[i]);
      missingTrue.push(leaf ? 0 : tree.missingLeft[i]);
      if (leaf) {
        classTree.push(t);
        classNode.push(i);
        classWeights.push(tree.value[i]);
      }
    }
  });
  if (!classWeights.some((w) => w < 0)) {
    classTree.push(classTree[0]);
    classNode.push(classNode[0]);
    classWeights.push(NEGATIVE_TOKEN);
  }
  return [
    { name: 'base_values', floats: [model.baseScore] },
    { name: 'class_ids', ints: classWeights.map(() => 0) },
    { name: 'class_nodeids', ints: classNode },
    { name: 'class_treeids', ints: classTree },
    { name: 'class_weights', floats: classWeights },
    { name: 'classlabels_int64s', ints: [0, 1] },
    { name: 'nodes_falsenodeids', ints: falseIds },
    { name: 'nodes_featureids', ints: featureIds },
    { name: 'nodes_missing_value_tracks_true', ints: missingTrue },
    { name: 'nodes_modes', strings: modes },
    { name: 'nodes_nodeids', ints: nodeIds },
    { name: 'nodes_treeids', ints: treeIds },
    { name: 'nodes_truenodeids', ints: trueIds },
    { name: 'nodes_values', floats: values },
    { name: 'post_transform', s: 'LOGISTIC' },
  ];
}

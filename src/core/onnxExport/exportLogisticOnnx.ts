import type { LogisticModel } from '../train/types.ts';
import { DataType, type Node, type Tensor, type ValueInfo } from './onnxProto.ts';
import {
  categoricalOneHotBlocks,
  checkFeatureNames,
  encodeClassifierModel,
  labelFromProbabilities,
  ML,
  numericalInputBlock,
  ONNX_IR_VERSION,
  ONNX_ML_OPSET,
  ONNX_OPSET,
  OUTPUT_LABEL,
  OUTPUT_PROBABILITIES,
} from './preprocessingGraph.ts';

export { ONNX_OPSET, ONNX_ML_OPSET, ONNX_IR_VERSION, OUTPUT_PROBABILITIES, OUTPUT_LABEL };

/**
 * The fitted pipeline as a standalone ONNX model that takes the raw columns:
 *
 * - inputs: one per feature column, named after it: float [N, 1] for numericals (missing = NaN),
 *   string [N, 1] for categoricals (missing = "", numbers as `String(value)`, see categoricalStrings);
 * - numericals: Concat -> Imputer (ai.onnx.ml; NaN -> the training median) -> Scaler (ai.onnx.ml;
 *   (x - mean) * (1 / std));
 * - each categorical: LabelEncoder (ai.onnx.ml; level -> its index, anything else -> the "other"
 *   index) -> OneHotEncoder (ai.onnx.ml, cats_int64s 0..L, zeros = 1) -> Reshape [N, L + 1];
 * - Concat -> MatMul (coefficients) -> Add (intercept) -> Sigmoid = P(positive);
 * - outputs: `probabilities` float [N, 2] = [1 - p, p] (a plain tensor, no ZipMap), and `label`
 *   [N] = the class with the larger probability (the negative one on a tie, as sklearn), int64 when
 *   both classes are integers, else string.
 *
 * Metadata props record the feature columns, the classes, the positive class, the trainer version
 * and the whole fitted model as JSON (`drift_monitor_model`). No timestamp or random id is written,
 * so the same model gives the same bytes. Everything inside runs in float32, so probabilities
 * differ from the trainer's float64 ones by rounding (about 1e-7 relative).
 */
export function exportLogisticOnnx(model: LogisticModel): Uint8Array {
  const prep = model.preprocessing;
  checkFeatureNames([...prep.numerical, ...prep.categorical].map((s) => s.name));
  const nodes: Node[] = [];
  const initializers: Tensor[] = [];
  const inputs: ValueInfo[] = [];
  const blocks: string[] = [];

  if (prep.numerical.length > 0) {
    const raw = numericalInputBlock(
      prep.numerical.map((s) => s.name),
      { nodes, initializers, inputs },
    );
    nodes.push({
      name: 'dm__imputer',
      opType: 'Imputer',
      domain: ML,
      inputs: [raw],
      outputs: ['dm__numerical_imputed'],
      attributes: [
        { name: 'imputed_value_floats', floats: prep.numerical.map((s) => s.median) },
        { name: 'replaced_value_float', f: NaN },
      ],
    });
    nodes.push({
      name: 'dm__scaler',
      opType: 'Scaler',
      domain: ML,
      inputs: ['dm__numerical_imputed'],
      outputs: ['dm__numerical_scaled'],
      attributes: [
        { name: 'offset', floats: prep.numerical.map((s) => s.mean) },
        { name: 'scale', floats: prep.numerical.map((s) => 1 / s.scale) },
      ],
    });
    blocks.push('dm__numerical_scaled');
  }

  blocks.push(...categoricalOneHotBlocks(prep.categorical, { nodes, initializers, inputs }));

  const p = model.coef.length;
  initializers.push({ name: 'dm__coef', dims: [p, 1], dataType: DataType.FLOAT, floats: model.coef });
  initializers.push({ name: 'dm__intercept', dims: [1], dataType: DataType.FLOAT, floats: [model.intercept] });
  initializers.push({ name: 'dm__one', dims: [1], dataType: DataType.FLOAT, floats: [1] });
  nodes.push({
    name: 'dm__concat_features',
    opType: 'Concat',
    inputs: blocks,
    outputs: ['dm__features'],
    attributes: [{ name: 'axis', i: 1 }],
  });
  nodes.push({ name: 'dm__matmul', opType: 'MatMul', inputs: ['dm__features', 'dm__coef'], outputs: ['dm__dot'] });
  nodes.push({ name: 'dm__add', opType: 'Add', inputs: ['dm__dot', 'dm__intercept'], outputs: ['dm__logit'] });
  nodes.push({ name: 'dm__sigmoid', opType: 'Sigmoid', inputs: ['dm__logit'], outputs: ['dm__p1'] });
  nodes.push({ name: 'dm__complement', opType: 'Sub', inputs: ['dm__one', 'dm__p1'], outputs: ['dm__p0'] });
  nodes.push({
    name: 'dm__probabilities',
    opType: 'Concat',
    inputs: ['dm__p0', 'dm__p1'],
    outputs: [OUTPUT_PROBABILITIES],
    attributes: [{ name: 'axis', i: 1 }],
  });
  const labelType = labelFromProbabilities(model.classes, { nodes, initializers });

  return encodeClassifierModel({
    graphName: 'drift_monitor_logistic_regression',
    docString:
      'Logistic regression retrained by drift-monitor; preprocessing (median imputation, standardisation, one-hot with an "other" level) inside the graph.',
    trainerVersion: model.trainerVersion,
    numerical: prep.numerical.map((s) => s.name),
    categorical: prep.categorical.map((s) => s.name),
    classes: model.classes,
    labelType,
    modelJson: JSON.stringify(model),
    nodes,
    initializers,
    inputs,
  });
}

import type { LogisticModel } from '../train/types.ts';
import { DataType, encodeModel, type Node, type Tensor, type ValueInfo } from './onnxProto.ts';
import { categoricalOneHotBlocks, checkFeatureNames, labelFromProbabilities, ML, OUTPUT_LABEL, OUTPUT_PROBABILITIES } from './preprocessingGraph.ts';

/** Opsets written: default domain 17, ai.onnx.ml 3; IR version 8 (what ONNX 1.12 writes). */
export const ONNX_OPSET = 17;
export const ONNX_ML_OPSET = 3;
export const ONNX_IR_VERSION = 8;
export { OUTPUT_PROBABILITIES, OUTPUT_LABEL };

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
    for (const s of prep.numerical) inputs.push({ name: s.name, elemType: DataType.FLOAT, shape: ['N', 1] });
    nodes.push({ name: 'dm__concat_numerical', opType: 'Concat', inputs: prep.numerical.map((s) => s.name), outputs: ['dm__numerical_raw'], attributes: [{ name: 'axis', i: 1 }] });
    nodes.push({
      name: 'dm__imputer',
      opType: 'Imputer',
      domain: ML,
      inputs: ['dm__numerical_raw'],
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
  nodes.push({ name: 'dm__concat_features', opType: 'Concat', inputs: blocks, outputs: ['dm__features'], attributes: [{ name: 'axis', i: 1 }] });
  nodes.push({ name: 'dm__matmul', opType: 'MatMul', inputs: ['dm__features', 'dm__coef'], outputs: ['dm__dot'] });
  nodes.push({ name: 'dm__add', opType: 'Add', inputs: ['dm__dot', 'dm__intercept'], outputs: ['dm__logit'] });
  nodes.push({ name: 'dm__sigmoid', opType: 'Sigmoid', inputs: ['dm__logit'], outputs: ['dm__p1'] });
  nodes.push({ name: 'dm__complement', opType: 'Sub', inputs: ['dm__one', 'dm__p1'], outputs: ['dm__p0'] });
  nodes.push({ name: 'dm__probabilities', opType: 'Concat', inputs: ['dm__p0', 'dm__p1'], outputs: [OUTPUT_PROBABILITIES], attributes: [{ name: 'axis', i: 1 }] });
  const labelType = labelFromProbabilities(model.classes, { nodes, initializers });

  const features = [...prep.numerical, ...prep.categorical].map((s) => s.name);
  return encodeModel({
    irVersion: ONNX_IR_VERSION,
    opsets: [
      { domain: '', version: ONNX_OPSET },
      { domain: ML, version: ONNX_ML_OPSET },
    ],
    producerName: 'drift-monitor',
    producerVersion: model.trainerVersion,
    docString: 'Logistic regression retrained by drift-monitor; preprocessing (median imputation, standardisation, one-hot with an "other" level) inside the graph.',
    graph: {
      name: 'drift_monitor_logistic_regression',
      nodes,
      initializers,
      inputs,
      outputs: [
        { name: OUTPUT_PROBABILITIES, elemType: DataType.FLOAT, shape: ['N', 2] },
        { name: OUTPUT_LABEL, elemType: labelType, shape: ['N'] },
      ],
    },
    metadata: [
      { key: 'feature_columns', value: JSON.stringify(features) },
      { key: 'numerical_columns', value: JSON.stringify(prep.numerical.map((s) => s.name)) },
      { key: 'categorical_columns', value: JSON.stringify(prep.categorical.map((s) => s.name)) },
      { key: 'classes', value: JSON.stringify(model.classes) },
      { key: 'positive_class', value: model.classes[1] },
      { key: 'trainer_version', value: model.trainerVersion },
      { key: 'drift_monitor_model', value: JSON.stringify(model) },
    ],
  });
}

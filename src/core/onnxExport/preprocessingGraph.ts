/**
 * Graph pieces shared by the exported model families (exportLogisticOnnx, exportGbtOnnx): the
 * name check, the numerical inputs, the one-hot block of each categorical input, the label output
 * computed from the `probabilities` output, and the model envelope (opsets, outputs, metadata). Each helper appends nodes/initializers/inputs in a fixed order, so the
 * same model gives the same bytes.
 */
import { InputError } from '../errors.ts';
import type { CategoricalStep } from '../train/types.ts';
import { DataType, encodeModel, type Node, type Tensor, type ValueInfo } from './onnxProto.ts';

/** Opsets written: default domain 17, ai.onnx.ml 3; IR version 8 (what ONNX 1.12 writes). */
export const ONNX_OPSET = 17;
export const ONNX_ML_OPSET = 3;
export const ONNX_IR_VERSION = 8;
export const ML = 'ai.onnx.ml';
/** Names of the exported model's outputs. */
export const OUTPUT_PROBABILITIES = 'probabilities';
export const OUTPUT_LABEL = 'label';

/** Throws InputError when a feature column's name clashes with an output or an internal (dm__) name. */
export function checkFeatureNames(names: string[]): void {
  const reserved = new Set([OUTPUT_PROBABILITIES, OUTPUT_LABEL]);
  for (const name of names) {
    if (reserved.has(name) || name.startsWith('dm__')) {
      throw new InputError(
        `cannot export the retrained model: feature column "${name}" clashes with an ONNX output or internal name; rename the column`,
      );
    }
  }
}

export interface GraphParts {
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
}

/**
 * One float [N, 1] input per numerical column, concatenated into `dm__numerical_raw` [N, F], whose
 * name it returns.
 */
export function numericalInputBlock(names: readonly string[], g: GraphParts): string {
  for (const name of names) g.inputs.push({ name, elemType: DataType.FLOAT, shape: ['N', 1] });
  g.nodes.push({
    name: 'dm__concat_numerical',
    opType: 'Concat',
    inputs: [...names],
    outputs: ['dm__numerical_raw'],
    attributes: [{ name: 'axis', i: 1 }],
  });
  return 'dm__numerical_raw';
}

export interface ClassifierModel extends GraphParts {
  graphName: string;
  docString: string;
  trainerVersion: string;
  numerical: readonly string[];
  categorical: readonly string[];
  classes: [string, string];
  /** The element type of the `label` output (labelFromProbabilities). */
  labelType: typeof DataType.INT64 | typeof DataType.STRING;
  /** The fitted model as JSON, kept in the `drift_monitor_model` metadata prop. */
  modelJson: string;
}

/**
 * Encodes a finished classifier graph (outputs `probabilities` float [N, 2] and `label` [N]) with the
 * opsets and the metadata every exported family carries: the feature columns, the classes, the
 * positive class, the trainer version and the fitted model as JSON. Nothing time-based is written.
 */
export function encodeClassifierModel(m: ClassifierModel): Uint8Array {
  return encodeModel({
    irVersion: ONNX_IR_VERSION,
    opsets: [
      { domain: '', version: ONNX_OPSET },
      { domain: ML, version: ONNX_ML_OPSET },
    ],
    producerName: 'drift-monitor',
    producerVersion: m.trainerVersion,
    docString: m.docString,
    graph: {
      name: m.graphName,
      nodes: m.nodes,
      initializers: m.initializers,
      inputs: m.inputs,
      outputs: [
        { name: OUTPUT_PROBABILITIES, elemType: DataType.FLOAT, shape: ['N', 2] },
        { name: OUTPUT_LABEL, elemType: m.labelType, shape: ['N'] },
      ],
    },
    metadata: [
      { key: 'feature_columns', value: JSON.stringify([...m.numerical, ...m.categorical]) },
      { key: 'numerical_columns', value: JSON.stringify(m.numerical) },
      { key: 'categorical_columns', value: JSON.stringify(m.categorical) },
      { key: 'classes', value: JSON.stringify(m.classes) },
      { key: 'positive_class', value: m.classes[1] },
      { key: 'trainer_version', value: m.trainerVersion },
      { key: 'drift_monitor_model', value: m.modelJson },
    ],
  });
}

/**
 * Each categorical: string input [N, 1] -> LabelEncoder (level -> its index, anything else -> the
 * "other" index) -> OneHotEncoder (cats_int64s 0..L, zeros = 1) -> Reshape [N, L + 1], named
 * `dm__categorical_<j>`. Returns those block names in order.
 */
export function categoricalOneHotBlocks(steps: CategoricalStep[], g: GraphParts): string[] {
  return steps.map((s, j) => {
    const width = s.levels.length + 1;
    const id = `dm__categorical_${j}`;
    g.inputs.push({ name: s.name, elemType: DataType.STRING, shape: ['N', 1] });
    g.nodes.push({
      name: `${id}_label_encoder`,
      opType: 'LabelEncoder',
      domain: ML,
      inputs: [s.name],
      outputs: [`${id}_index`],
      attributes: [
        { name: 'keys_strings', strings: s.levels },
        { name: 'values_int64s', ints: s.levels.map((_, i) => i) },
        { name: 'default_int64', i: s.levels.length },
      ],
    });
    g.nodes.push({
      name: `${id}_one_hot`,
      opType: 'OneHotEncoder',
      domain: ML,
      inputs: [`${id}_index`],
      outputs: [`${id}_one_hot`],
      attributes: [
        { name: 'cats_int64s', ints: Array.from({ length: width }, (_, i) => i) },
        { name: 'zeros', i: 1 },
      ],
    });
    g.initializers.push({ name: `${id}_shape`, dims: [2], dataType: DataType.INT64, ints: [-1, width] });
    g.nodes.push({ name: `${id}_reshape`, opType: 'Reshape', inputs: [`${id}_one_hot`, `${id}_shape`], outputs: [id] });
    return id;
  });
}

/**
 * `label` [N] from `probabilities` [N, 2]: ArgMax (the negative class on a tie, as sklearn), then
 * Gather over int64 classes when both classes are integers, else LabelEncoder to the class text.
 * Returns the label's element type.
 */
export function labelFromProbabilities(
  classes: [string, string],
  g: Omit<GraphParts, 'inputs'>,
): typeof DataType.INT64 | typeof DataType.STRING {
  g.nodes.push({
    name: 'dm__argmax',
    opType: 'ArgMax',
    inputs: [OUTPUT_PROBABILITIES],
    outputs: ['dm__label_index'],
    attributes: [
      { name: 'axis', i: 1 },
      { name: 'keepdims', i: 0 },
    ],
  });
  const integerClasses = classes.every((c) => /^-?\d+$/.test(c) && Number.isSafeInteger(Number(c)));
  if (integerClasses) {
    g.initializers.push({ name: 'dm__classes', dims: [2], dataType: DataType.INT64, ints: classes.map(Number) });
    g.nodes.push({
      name: 'dm__label',
      opType: 'Gather',
      inputs: ['dm__classes', 'dm__label_index'],
      outputs: [OUTPUT_LABEL],
      attributes: [{ name: 'axis', i: 0 }],
    });
    return DataType.INT64;
  }
  g.nodes.push({
    name: 'dm__label',
    opType: 'LabelEncoder',
    domain: ML,
    inputs: ['dm__label_index'],
    outputs: [OUTPUT_LABEL],
    attributes: [
      { name: 'keys_int64s', ints: [0, 1] },
      { name: 'values_strings', strings: [...classes] },
      { name: 'default_string', s: '' },
    ],
  });
  return DataType.STRING;
}

/**
 * Graph pieces shared by the exported model families (exportLogisticOnnx, exportGbtOnnx): the
 * name check, the one-hot block of each categorical input, and the label output computed from the
 * `probabilities` output. Each helper appends nodes/initializers/inputs in a fixed order, so the
 * same model gives the same bytes.
 */
import { InputError } from '../errors.ts';
import type { CategoricalStep } from '../train/types.ts';
import { DataType, type Node, type Tensor, type ValueInfo } from './onnxProto.ts';

export const ML = 'ai.onnx.ml';
/** Names of the exported model's outputs. */
export const OUTPUT_PROBABILITIES = 'probabilities';
export const OUTPUT_LABEL = 'label';

/** Throws InputError when a feature column's name clashes with an output or an internal (dm__) name. */
export function checkFeatureNames(names: string[]): void {
  const reserved = new Set([OUTPUT_PROBABILITIES, OUTPUT_LABEL]);
  for (const name of names) {
    if (reserved.has(name) || name.startsWith('dm__')) {
      throw new InputError(`cannot export the retrained model: feature column "${name}" clashes with an ONNX output or internal name; rename the column`);
    }
  }
}

export interface GraphParts {
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
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
export function labelFromProbabilities(classes: [string, string], g: Omit<GraphParts, 'inputs'>): typeof DataType.INT64 | typeof DataType.STRING {
  g.nodes.push({ name: 'dm__argmax', opType: 'ArgMax', inputs: [OUTPUT_PROBABILITIES], outputs: ['dm__label_index'], attributes: [{ name: 'axis', i: 1 }, { name: 'keepdims', i: 0 }] });
  const integerClasses = classes.every((c) => /^-?\d+$/.test(c) && Number.isSafeInteger(Number(c)));
  if (integerClasses) {
    g.initializers.push({ name: 'dm__classes', dims: [2], dataType: DataType.INT64, ints: classes.map(Number) });
    g.nodes.push({ name: 'dm__label', opType: 'Gather', inputs: ['dm__classes', 'dm__label_index'], outputs: [OUTPUT_LABEL], attributes: [{ name: 'axis', i: 0 }] });
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

import { InputError } from '../errors.ts';
import { columnHint } from '../config/suggestColumn.ts';
import type { ParsedTable } from '../table/types.ts';
import type { ModelRunner, ModelValueInfo } from './runner.ts';

export type InputPlan =
  /** One input per column, fed by name: float [N, 1] / [N] or string [N, 1] / [N] (skl2onnx pipelines). */
  | { kind: 'columns'; inputs: { name: string; type: 'float32' | 'float64' | 'int64' | 'string'; dims: 1 | 2 }[] }
  /** One numeric tensor [N, F] fed from `columns` in order. */
  | { kind: 'matrix'; name: string; type: 'float32' | 'float64'; columns: string[]; source: string };

export interface PlanInputsOptions {
  /** Model file name, for messages. */
  file: string;
  /** config model.features: the columns of an [N, F] input, in order. */
  features: readonly string[] | null;
  /** Columns that are never features (label, prediction, probability). */
  exclude: readonly string[];
}

/**
 * Maps CSV columns to the model's inputs: one input per column by name, else one [N, F] tensor fed
 * from model.features (else the model's metadata "features", else the numeric columns when their
 * count is F).
 *
 * @throws InputError when the inputs match no columns, a column is missing, or the count differs from F
 */
export function planInputs(runner: ModelRunner, table: ParsedTable, opts: PlanInputsOptions): InputPlan {
  const names = new Set(table.columns.map((c) => c.name));
  const inputs = runner.inputs;
  if (inputs.length > 0 && inputs.every((i) => names.has(i.name))) {
    for (const i of inputs) {
      const k = i.shape.length === 2 ? i.shape[1] : 1;
      // A column gives one value per row: an input [N, k] with a fixed k > 1 cannot be fed from one.
      if (typeof k === 'number' && k > 1 && k < 2 ** 31) {
        throw new InputError(
          `${opts.file}: input "${i.name}" takes ${k} values per row ([N, ${k}]) but it is fed from column "${i.name}", one value per row; export the model with one input of shape [N, 1] per column, or one [N, F] input fed from model.features`,
        );
      }
    }
    return {
      kind: 'columns',
      inputs: inputs.map((i) => ({ name: i.name, type: columnType(i, opts.file), dims: i.shape.length === 1 ? 1 : 2 })),
    };
  }
  if (
    inputs.length === 1 &&
    inputs[0].isTensor &&
    (inputs[0].type === 'float32' || inputs[0].type === 'float64') &&
    inputs[0].shape.length === 2
  ) {
    const input = inputs[0];
    const d = input.shape[1];
    // Symbolic sizes arrive as names, or as 2^32 - 1 from onnxruntime-web.
    const width = typeof d === 'number' && d > 0 && d < 2 ** 31 ? d : null;
    const meta = runner.graph.metadata.features;
    const numeric = table.columns
      .filter((c) => !opts.exclude.includes(c.name) && c.nonNumeric === 0 && !c.highCardinality)
      .map((c) => c.name);
    let columns: string[];
    let source: string;
    if (opts.features) [columns, source] = [[...opts.features], 'config model.features'];
    else if (meta) [columns, source] = [parseFeatureList(meta), 'model metadata "features"'];
    else if (width !== null && numeric.length === width)
      [columns, source] = [numeric, `the ${width} numeric columns in file order (set model.features to choose)`];
    else {
      throw new InputError(
        `${opts.file}: input "${input.name}" takes ${width ?? 'F'} features in one tensor; set model.features in the config to the ${width ?? ''} columns in order (numeric columns in ${table.file}: ${numeric.slice(0, 30).join(', ')})`.replace(
          '  ',
          ' ',
        ),
      );
    }
    if (width !== null && columns.length !== width) {
      throw new InputError(
        `${opts.file}: input "${input.name}" takes ${width} features but ${source} lists ${columns.length} (${columns.join(', ')}); list exactly ${width} columns`,
      );
    }
    const missing = columns.filter((c) => !names.has(c));
    if (missing.length)
      throw new InputError(
        `${table.file}: column "${missing[0]}" (${source}) is not in the file; ${columnHint(
          missing[0],
          table.columns.map((c) => c.name),
        )}`,
      );
    return { kind: 'matrix', name: input.name, type: input.type as 'float32' | 'float64', columns, source };
  }
  const unmatched = inputs.filter((i) => !names.has(i.name)).map((i) => `"${i.name}"`);
  throw new InputError(
    `${opts.file}: model inputs ${unmatched.join(', ')} match no column of ${table.file} (columns: ${[...names].slice(0, 30).join(', ')}); rename the columns or export the model with inputs named after them`,
  );
}

function columnType(i: ModelValueInfo, file: string): 'float32' | 'float64' | 'int64' | 'string' {
  if (i.type === 'float32' || i.type === 'float64' || i.type === 'int64' || i.type === 'string')
    return i.type as 'float32' | 'float64' | 'int64' | 'string';
  throw new InputError(
    `${file}: input "${i.name}" has type ${i.type ?? 'non-tensor'}; drift-monitor feeds float, int64 and string tensors`,
  );
}

function parseFeatureList(text: string): string[] {
  const t = text.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t);
      if (Array.isArray(v)) return v.map(String);
    } catch {
      /* fall through to the comma list */
    }
  }
  return t
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

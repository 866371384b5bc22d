import { InputError } from '../errors.ts';
import type { ParsedTable } from '../table/types.ts';
import { cellText } from './cellText.ts';
import { planInputs, type InputPlan } from './planInputs.ts';
import { planOutputs } from './planOutputs.ts';
import { CLASSIFIERS } from './readOnnxInfo.ts';
import type { ModelRunner, RunnerTensor } from './runner.ts';

/** What a model (or the prediction columns) says about every row of one table. */
export interface Predictions {
  /** Class names in the model's order; `predicted` and the probability columns index this list. */
  classes: string[];
  /** Predicted class index per row: the argmax of the probabilities (first maximum) when there are any. */
  predicted: Int32Array;
  /** Row-major rows x classes.length probabilities, or null (labels only). */
  proba: Float32Array | Float64Array | null;
  /** Where each prediction came from, one line (e.g. 'model churn.onnx: inputs age, tenure, ...'). */
  source: string;
  warnings: string[];
}

export interface ScoreOptions {
  /** Model file name for messages. */
  file: string;
  /** config model.features (for a single [N, F] input). */
  features: readonly string[] | null;
  /** Columns never fed to the model (label, prediction and probability columns). */
  exclude: readonly string[];
  /** Rows per run call (bounds memory; default 65536). */
  batchRows?: number;
}

/**
 * Runs the model over every row of `table` in batches and returns class indices and probabilities.
 * Missing numbers reach the model as NaN, missing text as "". Labels come from the probabilities
 * where both exist (onnxruntime's binary tree-ensemble label can disagree with the argmax).
 *
 * @throws InputError for unmappable inputs, a regression model, or NaN outputs (naming the missing column)
 */
export async function scoreTable(runner: ModelRunner, table: ParsedTable, opts: ScoreOptions): Promise<Predictions> {
  const plan = planInputs(runner, table, opts);
  const out = planOutputs(runner, opts.file);
  const fetch = [out.label, out.probabilities].filter((x): x is string => x !== null);
  const n = table.rows;
  const batch = opts.batchRows ?? 65536;
  const columns = prepareColumns(plan, table, opts.file);
  const isClassifier = runner.graph.opTypes.some((o) => CLASSIFIERS.has(o));

  let classes: string[] | null = runner.graph.classLabels;
  let width = 0;
  let proba: Float32Array | null = null;
  const labelText: string[] | null = out.probabilities ? null : new Array<string>(n);

  for (let start = 0; start < n; start += batch) {
    const end = Math.min(n, start + batch);
    const result = await runner.run(feeds(plan, columns, start, end), fetch);
    if (out.probabilities) {
      const t = result[out.probabilities];
      if (!proba) {
        width = t.dims.length === 2 ? t.dims[1] : 1;
        if (width === 1 && !isClassifier) classes ??= ['0', '1'];
        classes ??= Array.from({ length: width }, (_, i) => String(i));
        const k = width === 1 ? 2 : width;
        if (classes.length !== k) throw new InputError(`${opts.file}: output "${out.probabilities}" has ${width} columns but the model has ${classes.length} classes; export the probabilities of every class`);
        proba = new Float32Array(n * k);
      }
      copyProbabilities(t, proba, start, end, width, opts.file, out.probabilities, isClassifier);
    } else if (out.label) {
      const t = result[out.label];
      for (let i = start; i < end; i++) labelText![i] = tensorText(t, i - start);
    }
  }
  if (!classes) classes = [...new Set(labelText ?? [])].sort();
  const k = classes.length;
  const predicted = new Int32Array(n);
  if (proba) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestP = proba[i * k];
      for (let c = 0; c < k; c++) {
        const p = proba[i * k + c];
        if (Number.isNaN(p)) throw nanError(table, plan, i, opts.file);
        if (p > bestP) [best, bestP] = [c, p];
      }
      predicted[i] = best;
    }
  } else {
    const index = new Map(classes.map((c, i) => [c, i]));
    for (let i = 0; i < n; i++) {
      const c = index.get(labelText![i]);
      if (c === undefined) throw new InputError(`${opts.file}: label output "${labelText![i]}" at row ${i + 1} is not one of the classes (${classes.join(', ')})`);
      predicted[i] = c;
    }
  }
  const used = plan.kind === 'columns' ? plan.inputs.map((i) => i.name) : plan.columns;
  return {
    classes,
    predicted,
    proba,
    source: `model ${opts.file}: ${used.length} inputs (${used.slice(0, 12).join(', ')}${used.length > 12 ? ', ...' : ''})${plan.kind === 'matrix' ? ` from ${plan.source}` : ''}`,
    warnings: out.warnings,
  };
}

type Prepared = Map<string, Float32Array | Float64Array | BigInt64Array | string[]>;

function prepareColumns(plan: InputPlan, table: ParsedTable, file: string): Prepared {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const prepared: Prepared = new Map();
  const wanted = plan.kind === 'columns' ? plan.inputs : plan.columns.map((name) => ({ name, type: plan.type }));
  for (const { name, type } of wanted) {
    const col = byName.get(name)!;
    if (type === 'string') {
      const texts = new Array<string>(table.rows);
      for (let i = 0; i < table.rows; i++) texts[i] = cellText(col, i) ?? '';
      prepared.set(name, texts);
      continue;
    }
    if (col.nonNumeric > 0) {
      const ex = col.firstNonNumeric;
      throw new InputError(`${table.file}: column "${name}" holds text (e.g. "${ex?.value}" at row ${ex?.row}) but ${file} takes numbers for it; encode it inside the model (e.g. OneHotEncoder in the exported pipeline) or leave it out of model.features`);
    }
    if (type === 'int64') {
      const ints = new BigInt64Array(table.rows);
      for (let i = 0; i < table.rows; i++) {
        const v = col.values[i];
        if (!Number.isInteger(v)) throw new InputError(`${table.file}: column "${name}" row ${i + 1} is ${Number.isNaN(v) ? 'missing' : v}, but ${file} takes whole numbers (int64) for it; fill missing values or export the input as float`);
        ints[i] = BigInt(v);
      }
      prepared.set(name, ints);
    } else prepared.set(name, type === 'float64' ? col.values : Float32Array.from(col.values));
  }
  return prepared;
}

function feeds(plan: InputPlan, columns: Prepared, start: number, end: number): Record<string, RunnerTensor> {
  const rows = end - start;
  if (plan.kind === 'columns') {
    const f: Record<string, RunnerTensor> = {};
    for (const input of plan.inputs) {
      const col = columns.get(input.name)!;
      const data = Array.isArray(col) ? col.slice(start, end) : col.subarray(start, end);
      f[input.name] = { type: input.type, data, dims: input.dims === 1 ? [rows] : [rows, 1] };
    }
    return f;
  }
  const w = plan.columns.length;
  const data = plan.type === 'float64' ? new Float64Array(rows * w) : new Float32Array(rows * w);
  plan.columns.forEach((name, j) => {
    const col = columns.get(name) as Float32Array | Float64Array;
    for (let i = 0; i < rows; i++) data[i * w + j] = col[start + i];
  });
  return { [plan.name]: { type: plan.type, data, dims: [rows, w] } };
}

function copyProbabilities(t: RunnerTensor, proba: Float32Array, start: number, end: number, width: number, file: string, name: string, isClassifier: boolean): void {
  const data = t.data as Float32Array | Float64Array;
  if (width === 1) {
    for (let i = start; i < end; i++) {
      const p = data[i - start];
      if (!isClassifier && (p < 0 || p > 1)) {
        throw new InputError(`${file}: output "${name}" is ${p} at row ${i + 1}, outside 0..1: this looks like a regression model; drift-monitor needs a classifier's class probabilities`);
      }
      proba[i * 2] = 1 - p;
      proba[i * 2 + 1] = p;
    }
  } else proba.set(data.subarray(0, (end - start) * width), start * width);
}

function tensorText(t: RunnerTensor, i: number): string {
  const v = t.data[i];
  return typeof v === 'bigint' ? v.toString() : String(v);
}

function nanError(table: ParsedTable, plan: InputPlan, row: number, file: string): InputError {
  const names = plan.kind === 'columns' ? plan.inputs.map((i) => i.name) : plan.columns;
  const missing = names.filter((name) => {
    const col = table.columns.find((c) => c.name === name)!;
    return cellText(col, row) === null;
  });
  const where = missing.length ? `where column "${missing[0]}" is missing` : 'although no input is missing';
  return new InputError(`${file}: the model returned NaN for row ${row + 1} of ${table.file} ${where}; it cannot take missing values: impute them inside the model (e.g. SimpleImputer in the exported pipeline) or fill them in the CSV`);
}

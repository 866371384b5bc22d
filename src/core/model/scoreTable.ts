import { InputError, isInputError } from '../errors.ts';
import type { ParsedTable } from '../table/types.ts';
import { numericValues } from '../table/numericValues.ts';
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
  /** How the model's outputs map to `classes`, one line (report performance.class_mapping); models only. */
  classMapping?: string;
  /** Where `classes` came from, for performance.positive_class_reason; models only. */
  classSource?: string;
}

export interface ScoreOptions {
  /** Model file name for messages. */
  file: string;
  /** config model.features (for a single [N, F] input). */
  features: readonly string[] | null;
  /** Columns never picked as the numeric columns of an [N, F] input (label, prediction, probability, columns.drop). */
  exclude: readonly string[];
  /** Rows per run call (bounds memory; default 65536). A model with a fixed batch size gets exactly that many. */
  batchRows?: number;
}

/**
 * Runs the model over every row of `table` in batches and returns class indices and probabilities.
 * Missing numbers reach the model as NaN, missing text as "". Labels come from the probabilities
 * where both exist (onnxruntime's binary tree-ensemble label can disagree with the argmax).
 *
 * A model whose inputs have a fixed first dimension B (an export traced with one example batch) is run
 * B rows at a time; the last batch is padded with copies of its last row and the padded outputs dropped.
 *
 * @throws InputError for unmappable inputs, a regression model, outputs that are not probabilities,
 *         NaN outputs (naming the missing column), or any onnxruntime failure while running
 */
export async function scoreTable(runner: ModelRunner, table: ParsedTable, opts: ScoreOptions): Promise<Predictions> {
  const plan = planInputs(runner, table, opts);
  const out = planOutputs(runner, opts.file);
  const fetch = [out.label, out.probabilities].filter((x): x is string => x !== null);
  const n = table.rows;
  const fixed = fixedBatch(runner, plan, opts.file);
  const batch = fixed ?? opts.batchRows ?? 65536;
  const columns = prepareColumns(plan, table, opts.file);
  const isClassifier = runner.graph.opTypes.some((o) => CLASSIFIERS.has(o));

  let classes: string[] | null = runner.graph.classLabels;
  let width = 0;
  let proba: Float32Array | null = null;
  const labelText: string[] | null = out.probabilities ? null : new Array<string>(n);

  for (let start = 0; start < n; start += batch) {
    const end = Math.min(n, start + batch);
    const input = feeds(plan, columns, start, end, fixed ?? end - start);
    let result: Record<string, RunnerTensor>;
    try {
      result = await runner.run(input, fetch);
    } catch (e) {
      if (isInputError(e)) throw e;
      throw runError(e, input, plan, table, start, end, opts.file);
    }
    if (out.probabilities) {
      const t = result[out.probabilities];
      if (!proba) {
        width = t.dims.length === 2 ? t.dims[1] : 1;
        if (width === 1 && !isClassifier) classes ??= ['0', '1'];
        classes ??= Array.from({ length: width }, (_, i) => String(i));
        const k = width === 1 ? 2 : width;
        if (classes.length !== k)
          throw new InputError(
            `${opts.file}: output "${out.probabilities}" has ${width} columns but the model has ${classes.length} classes; export the probabilities of every class`,
          );
        proba = new Float32Array(n * k);
      }
      copyProbabilities(t, proba, start, end, width, { file: opts.file, name: out.probabilities, table: table.file });
    } else if (out.label) {
      const t = result[out.label];
      for (let i = start; i < end; i++) labelText![i] = tensorText(t, i - start);
    }
  }
  const labelled = runner.graph.classLabels !== null;
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
      if (c === undefined)
        throw new InputError(
          `${opts.file}: label output "${labelText![i]}" at row ${i + 1} is not one of the classes (${classes.join(', ')})`,
        );
      predicted[i] = c;
    }
  }
  const used = plan.kind === 'columns' ? plan.inputs.map((i) => i.name) : plan.columns;
  return {
    classes,
    predicted,
    proba,
    source: `model ${opts.file}: ${used.length} inputs (${used.slice(0, 12).join(', ')}${used.length > 12 ? ', ...' : ''})${plan.kind === 'matrix' ? ` from ${plan.source}` : ''}`,
    warnings:
      fixed === null || n <= fixed
        ? out.warnings
        : [
            ...out.warnings,
            `${opts.file}: its inputs have a fixed batch size of ${fixed}, so ${table.file} was scored in ${Math.ceil(n / fixed)} runs of ${fixed} row${fixed === 1 ? '' : 's'} (the last one padded); export the model with a dynamic batch dimension (torch.onnx.export dynamic_axes={"input": {0: "batch"}}) to score in fewer, larger runs`,
          ],
    ...classMapping(runner, out, classes, labelled, width),
  };
}

const MATCH = 'labels match by text or as 1/true/yes and 0/false/no';

/** What performance.class_mapping and positive_class_reason say about where the classes came from. */
function classMapping(
  runner: ModelRunner,
  out: { label: string | null; probabilities: string | null },
  classes: string[],
  labelled: boolean,
  width: number,
): { classMapping: string; classSource: string } {
  const list = classes.join(', ');
  if (labelled) {
    const op = runner.graph.opTypes.find((o) => CLASSIFIERS.has(o)) ?? 'classifier';
    return {
      classSource: "the model's class labels",
      classMapping: out.probabilities
        ? `probability column i is the model's class label i (${op}: ${list})`
        : `the model's class labels (${op}: ${list}); predictions from output "${out.label}"`,
    };
  }
  if (!out.probabilities)
    return {
      classSource: `the values of output "${out.label}"`,
      classMapping: `no class labels and no probabilities: the classes are the distinct values of output "${out.label}", sorted (${list})`,
    };
  if (width === 1) {
    return {
      classSource: `output "${out.probabilities}" (one column: P(class "1"))`,
      classMapping: `output "${out.probabilities}" has one column and no class labels: it is the probability of class "1", class "0" gets 1 - p; ${MATCH}`,
    };
  }
  return {
    classSource: `the columns of output "${out.probabilities}"`,
    classMapping: `output "${out.probabilities}" has no class labels: probability column i is class "i" (${list}); ${MATCH}`,
  };
}

/** The fixed first dimension of the inputs fed (e.g. 1 for an export traced with one row), or null when it is dynamic. */
function fixedBatch(runner: ModelRunner, plan: InputPlan, file: string): number | null {
  const fed = new Set(plan.kind === 'columns' ? plan.inputs.map((i) => i.name) : [plan.name]);
  let fixed: number | null = null;
  for (const i of runner.inputs) {
    if (!fed.has(i.name)) continue;
    const d = i.shape[0];
    // Symbolic sizes arrive as names, or as 2^32 - 1 (or -1) from onnxruntime-web.
    if (typeof d !== 'number' || !(d > 0 && d < 2 ** 31)) continue;
    if (fixed !== null && d !== fixed)
      throw new InputError(
        `${file}: inputs have different fixed batch sizes (${fixed} and ${d} for "${i.name}"); export the model with one batch size, or a dynamic one`,
      );
    fixed = d;
  }
  return fixed;
}

/** An onnxruntime failure as one line: the model, the rows and file, the tensors fed and what to check. */
function runError(
  e: unknown,
  input: Record<string, RunnerTensor>,
  plan: InputPlan,
  table: ParsedTable,
  start: number,
  end: number,
  file: string,
): InputError {
  const why = String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 300);
  const tensors = Object.entries(input)
    .slice(0, 6)
    .map(([name, t]) => `"${name}" [${t.dims.join(', ')}] ${t.type}`);
  const fed = `${plan.kind === 'matrix' ? 'input' : 'inputs'} ${tensors.join(', ')}${Object.keys(input).length > 6 ? ', ...' : ''}${plan.kind === 'matrix' ? ` from ${plan.source}` : ''}`;
  return new InputError(
    `${file}: onnxruntime failed to run the model on rows ${start + 1}-${end} of ${table.file} (${why}); fed ${fed}; check that the model runs on such inputs in onnxruntime (python: onnxruntime.InferenceSession("${file}").run) and that its input names, shapes and types match the columns`,
  );
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
      throw new InputError(
        `${table.file}: column "${name}" holds text (e.g. "${ex?.value}" at row ${ex?.row}) but ${file} takes numbers for it; encode it inside the model (e.g. OneHotEncoder in the exported pipeline) or leave it out of model.features`,
      );
    }
    const values = numericValues(col);
    if (type === 'int64') {
      const ints = new BigInt64Array(table.rows);
      for (let i = 0; i < table.rows; i++) {
        const v = values[i];
        if (!Number.isInteger(v))
          throw new InputError(
            `${table.file}: column "${name}" row ${i + 1} is ${Number.isNaN(v) ? 'missing' : v}, but ${file} takes whole numbers (int64) for it; fill missing values or export the input as float`,
          );
        ints[i] = BigInt(v);
      }
      prepared.set(name, ints);
    } else prepared.set(name, type === 'float64' ? values : Float32Array.from(values));
  }
  return prepared;
}

/**
 * The tensors for rows start..end-1, `rows` long: when rows > end - start (a fixed batch size), the
 * last real row is repeated, so padding is a valid input (an empty string or a 0 might not be).
 */
function feeds(plan: InputPlan, columns: Prepared, start: number, end: number, rows: number): Record<string, RunnerTensor> {
  const row = (i: number) => Math.min(start + i, end - 1);
  if (plan.kind === 'columns') {
    const f: Record<string, RunnerTensor> = {};
    for (const input of plan.inputs) {
      const col = columns.get(input.name)!;
      let data: Float32Array | Float64Array | BigInt64Array | string[];
      if (rows === end - start) data = Array.isArray(col) ? col.slice(start, end) : col.subarray(start, end);
      else if (Array.isArray(col)) data = Array.from({ length: rows }, (_, i) => col[row(i)]);
      else {
        const padded = new (col.constructor as Float64ArrayConstructor)(rows) as unknown as Float32Array | Float64Array | BigInt64Array;
        for (let i = 0; i < rows; i++) padded[i] = col[row(i)];
        data = padded;
      }
      f[input.name] = { type: input.type, data, dims: input.dims === 1 ? [rows] : [rows, 1] };
    }
    return f;
  }
  const w = plan.columns.length;
  const data = plan.type === 'float64' ? new Float64Array(rows * w) : new Float32Array(rows * w);
  plan.columns.forEach((name, j) => {
    const col = columns.get(name) as Float32Array | Float64Array;
    for (let i = 0; i < rows; i++) data[i * w + j] = col[row(i)];
  });
  return { [plan.name]: { type: plan.type, data, dims: [rows, w] } };
}

/** Rows of a probability tensor differing from 1 by more than this are not probabilities (float32 softmax and L1 normalisation are off by ~1e-7). */
const SUM_TOLERANCE = 1e-3;
/** Slack on 0..1 for float rounding. */
const RANGE_TOLERANCE = 1e-6;

/**
 * Copies rows start..end-1 (the tensor's first end - start rows; padded rows after them are dropped)
 * and refuses outputs that are not class probabilities: a value outside 0..1, or (several columns) a
 * row not summing to 1. NaN passes here; scoreTable names the missing input it comes from.
 */
function copyProbabilities(
  t: RunnerTensor,
  proba: Float32Array,
  start: number,
  end: number,
  width: number,
  at: { file: string; name: string; table: string },
): void {
  const data = t.data as Float32Array | Float64Array;
  const outside = (p: number) => p < -RANGE_TOLERANCE || p > 1 + RANGE_TOLERANCE;
  if (width === 1) {
    for (let i = start; i < end; i++) {
      const p = data[i - start];
      if (outside(p)) {
        throw new InputError(
          `${at.file}: output "${at.name}" is ${p} at row ${i + 1} of ${at.table}, outside 0..1: this looks like a regression model or raw scores; drift-monitor needs a classifier's class probabilities (add a Sigmoid, or export predict_proba)`,
        );
      }
      proba[i * 2] = 1 - p;
      proba[i * 2 + 1] = p;
    }
    return;
  }
  for (let i = start; i < end; i++) {
    const row = data.subarray((i - start) * width, (i - start + 1) * width);
    let sum = 0;
    let bad = false;
    for (const p of row) {
      sum += p;
      bad ||= outside(p);
    }
    if (bad || Math.abs(sum - 1) > SUM_TOLERANCE) {
      const shown = Array.from(row.subarray(0, 6), (p) => +p.toPrecision(4)).join(', ') + (width > 6 ? ', ...' : '');
      const what = bad ? 'values outside 0..1' : `sum ${+sum.toPrecision(4)}, not 1`;
      throw new InputError(
        `${at.file}: output "${at.name}" is not class probabilities: row ${i + 1} of ${at.table} is [${shown}] (${what}); export the classifier's probabilities (predict_proba, or a Softmax over the scores); drift-monitor does not score regressors or raw scores`,
      );
    }
  }
  proba.set(data.subarray(0, (end - start) * width), start * width);
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
  return new InputError(
    `${file}: the model returned NaN for row ${row + 1} of ${table.file} ${where}; it cannot take missing values: impute them inside the model (e.g. SimpleImputer in the exported pipeline) or fill them in the CSV`,
  );
}

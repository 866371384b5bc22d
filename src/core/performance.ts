/**
 * The report's `performance` section: predictions for both files (a model run through an injected
 * ModelRunner, or the prediction columns), metrics on the labelled rows, the label-free estimate when
 * production has no labels, and prediction drift tested like a feature. Pure apart from the runner.
 *
 *   const stats = await analysePerformance({ reference, production, config, kernels, runner, modelFile });
 *   const section = decidePerformance(stats, thresholds);   // cheap; re-run on threshold changes
 */
import type { Config, Thresholds } from './config/types.ts';
import type { FeatureStats, MeasuredPerformance, PerformanceReport, PerformanceStats } from './report/types.ts';
import type { ParsedTable } from './table/types.ts';
import type { StatKernels } from './stattests/kernels.ts';
import { decide, f1DropAlert, type PerformanceSignal } from './decide.ts';
import { classificationMetrics, type ClassificationMetrics } from './metrics/classificationMetrics.ts';
import { estimatePerformance } from './metrics/estimatePerformance.ts';
import { encodeLabels } from './model/encodeLabels.ts';
import { positiveClass, type PositiveClass } from './model/positiveClass.ts';
import { predictionClasses, predictionsFromColumns } from './model/predictionsFromColumns.ts';
import type { ModelRunner } from './model/runner.ts';
import { scoreTable, type Predictions, type ScoreOptions } from './model/scoreTable.ts';
import { numericalFeatureStats } from './stattests/numericalFeature.ts';
import { categoricalFeatureStats } from './stattests/categoricalFeature.ts';

export interface PerformanceArgs {
  /**
   * The reference rows; null when the reference is a profile, which keeps none: production is scored
   * (and measured when it has labels), with no baseline, no estimate and no prediction drift.
   */
  reference: ParsedTable | null;
  /** Names the reference in the note when `reference` is null (the profile file). */
  referenceName?: string;
  production: ParsedTable;
  config: Config;
  kernels: StatKernels;
  /** A loaded model (src/onnx createOnnxRunner); without it the prediction columns of the config are used. */
  runner?: ModelRunner | null;
  /** The model's file name, for messages. */
  modelFile?: string;
  /**
   * The runner's predictions of the tables already made (modelScoreOptions), one per table in order
   * (reference then production; production alone without the reference rows): a run with windows
   * scores every row once and hands each window its rows' predictions instead of scoring again.
   */
  scored?: readonly Predictions[];
}

/** How analysePerformance runs the model over a table (scoreTable's options), for `scored` made beforehand. */
export function modelScoreOptions(config: Config, modelFile: string | undefined): ScoreOptions {
  const { prediction_column: predCol, probability_column: probCol, label_column: label } = config.data;
  // columns.drop: a dropped column is never picked as one of the numeric columns of an [N, F] input.
  const exclude = [label, predCol, probCol, ...config.columns.drop].filter((x): x is string => x !== null);
  return { file: modelFile ?? 'model.onnx', features: config.model.features, exclude };
}

/** Name of the prediction-drift entry for the probability (binary: positive class; multiclass: top class). */
export const PREDICTED_PROBABILITY = 'prediction:probability';
/** Name of the prediction-drift entry for the predicted class. */
export const PREDICTED_CLASS = 'prediction:class';

/**
 * Without a label column (or with an empty one in the reference) the predictions are still scored and
 * tested for drift; baseline and estimate then stay null and `note` says why. A label column that is
 * empty or absent in production only means "production labels not available yet": the estimate.
 *
 * @returns the threshold-independent performance statistics, or null when there is neither a model
 *          nor a prediction column
 * @throws InputError for unseen classes, unmappable model inputs, ...
 */
export async function analysePerformance(args: PerformanceArgs): Promise<PerformanceStats | null> {
  const { reference, production, config, kernels, runner } = args;
  const { prediction_column: predCol, probability_column: probCol, label_column: label } = config.data;
  if (!runner && !predCol && !probCol) return null;
  if (reference === null) return productionOnly({ ...args, reference });
  const refHasLabels = label !== null && hasValues(reference, label);
  const prodHasLabels = label !== null && hasValues(production, label);
  const warnings: string[] = [];

  const {
    predictions: [ref, prod],
    positive,
    classSource,
  } = await predict(args, [reference, production], warnings);
  warnings.unshift(...ref.warnings);
  const classes = ref.classes;
  const what = runner ? `the model (${args.modelFile ?? 'model.onnx'})` : 'the predictions';
  const pos = positive?.index ?? null;

  let note: string | null = null;
  let baseline: MeasuredPerformance | null = null;
  let refLabels: Int32Array | null = null;
  if (label === null) {
    note =
      'no label column: prediction drift only; accuracy, F1, the F1-drop alert and the label-free estimate need a label column (--label COLUMN or data.label_column; in the dashboard, Label column)';
  } else if (!refHasLabels) {
    note = `${reference.file} has no labels in "${label}": no baseline metrics, no F1-drop alert and no label-free estimate (they need labelled reference rows)`;
  } else {
    refLabels = encodeLabels(reference, label, classes, what);
    baseline = measure(classes, refLabels, ref, pos);
  }

  let productionPerf: PerformanceStats['production'] = null;
  if (label !== null && prodHasLabels) {
    productionPerf = measure(classes, encodeLabels(production, label, classes, what), prod, pos);
  } else if (label !== null && refLabels && ref.proba && prod.proba) {
    const reference = labelled(refLabels, ref.predicted, ref.proba, classes.length);
    productionPerf = {
      estimated: true,
      ...estimatePerformance({ classes, positive: pos, reference, production: { yPred: prod.predicted, proba: prod.proba } }),
    };
    warnings.push(
      `${production.file} has no labels in "${label}" (production labels not available yet): production performance is a label-free estimate (CBPE)`,
    );
  } else if (label !== null && refLabels) {
    warnings.push(`${production.file} has no labels in "${label}" and the model gives no probabilities: no production performance`);
  }
  return {
    source: ref.source,
    label_column: label,
    classes,
    ...positiveClassFields(positive, classSource),
    class_mapping: ref.classMapping ?? null,
    f1_average: pos === null ? 'macro' : 'binary',
    baseline,
    production: productionPerf,
    note,
    prediction_drift: predictionDrift(ref, prod, pos, config, kernels),
    warnings,
  };
}

/** analysePerformance without reference rows (a profile reference): production's side only. */
async function productionOnly(args: PerformanceArgs & { reference: null }): Promise<PerformanceStats> {
  const { production, config, runner } = args;
  const { label_column: label } = config.data;
  const warnings: string[] = [];
  const {
    predictions: [prod],
    positive,
    classSource,
  } = await predict(args, [production], warnings);
  warnings.unshift(...prod.warnings);
  const classes = prod.classes;
  const pos = positive?.index ?? null;
  const what = runner ? `the model (${args.modelFile ?? 'model.onnx'})` : 'the predictions';
  const productionPerf =
    label !== null && hasValues(production, label) ? measure(classes, encodeLabels(production, label, classes, what), prod, pos) : null;
  return {
    source: prod.source,
    label_column: label,
    classes,
    ...positiveClassFields(positive, classSource),
    class_mapping: prod.classMapping ?? null,
    f1_average: pos === null ? 'macro' : 'binary',
    baseline: null,
    production: productionPerf,
    note: `${args.referenceName ? `the reference ${args.referenceName}` : 'the reference'} is a profile, which keeps no rows: no baseline metrics, no F1-drop alert, no label-free estimate and no prediction drift (they need the reference rows); pass the reference CSV for them`,
    prediction_drift: [],
    warnings,
  };
}

/**
 * Predictions for each table (the model's scores, or the prediction columns) with the positive class and
 * where the classes came from; a warning for a probability column taken as P(class "1") goes to `warnings`.
 */
async function predict(
  args: PerformanceArgs,
  tables: readonly ParsedTable[],
  warnings: string[],
): Promise<{ predictions: Predictions[]; positive: PositiveClass | null; classSource: string }> {
  const { config, runner } = args;
  const { prediction_column: predCol, probability_column: probCol, label_column: label } = config.data;
  const predictions: Predictions[] = [];
  if (runner) {
    const opts = modelScoreOptions(config, args.modelFile);
    if (args.scored) predictions.push(...args.scored.slice(0, tables.length));
    else for (const t of tables) predictions.push(await scoreTable(runner, t, opts));
    const first = predictions[0];
    return {
      predictions,
      positive: positiveClass(first.classes, config.model.positive_class),
      classSource: first.classSource ?? `the model's class labels`,
    };
  }
  let classes = predictionClasses(tables, [label, predCol]);
  let classSource = label === null ? `the values of "${predCol}"` : 'the labels and predictions';
  if (classes.length === 0 && probCol) {
    // Only a probability column and no label: it is P(class "1") of a 0/1 problem.
    classes = ['0', '1'];
    classSource = 'default 0/1 (no label or prediction column names the classes)';
    warnings.push(
      `no label or prediction column names the classes: data.probability_column "${probCol}" is taken as the probability of class "1"`,
    );
  }
  const positive = positiveClass(classes, config.model.positive_class);
  const cols = { prediction: predCol, probability: probCol };
  for (const t of tables) predictions.push(predictionsFromColumns(t, cols, classes, positive?.index ?? null));
  return { predictions, positive, classSource };
}

/** The report's positive class and why it is the one. */
function positiveClassFields(
  positive: PositiveClass | null,
  classSource: string,
): Pick<PerformanceStats, 'positive_class' | 'positive_class_reason'> {
  return {
    positive_class: positive?.name ?? null,
    positive_class_reason: positive
      ? positive.reason === 'model.positive_class'
        ? positive.reason
        : `${positive.reason}; classes from ${classSource}`
      : null,
  };
}

/** True when the table has the column and at least one value in it. */
function hasValues(table: ParsedTable, column: string): boolean {
  return table.columns.some((c) => c.name === column && c.missing < table.rows);
}

/** The F1 comparison for decide(), or null without production performance. */
export function performanceSignal(stats: PerformanceStats | null): PerformanceSignal | null {
  if (!stats?.production || !stats.baseline) return null;
  return { baseline: stats.baseline.f1, production: stats.production.f1, estimated: stats.production.estimated };
}

/** Flags and the F1-drop alert from the statistics and the thresholds (cheap, pure). */
export function decidePerformance(stats: PerformanceStats, t: Thresholds): PerformanceReport {
  const signal = performanceSignal(stats);
  return {
    ...stats,
    f1_drop: signal ? signal.baseline - signal.production : null,
    f1_drop_threshold: t.f1_drop,
    alert: signal ? f1DropAlert(signal, t) : false,
    prediction_drift: decide(stats.prediction_drift, t).features,
  };
}

function measure(
  classes: string[],
  labels: Int32Array,
  p: Predictions,
  positive: number | null,
): ClassificationMetrics & { estimated: false } {
  if (!labels.includes(-1)) {
    return { estimated: false, ...classificationMetrics({ classes, yTrue: labels, yPred: p.predicted, proba: p.proba, positive }) };
  }
  const keep = labelledRows(labels);
  const yTrue = Int32Array.from(keep, (i) => labels[i]);
  const yPred = Int32Array.from(keep, (i) => p.predicted[i]);
  const proba = p.proba ? probaRows(p.proba, keep, classes.length) : null;
  return { estimated: false, ...classificationMetrics({ classes, yTrue, yPred, proba, positive }) };
}

function labelled(
  labels: Int32Array,
  predicted: Int32Array,
  proba: ArrayLike<number>,
  k: number,
): { yTrue: Int32Array; yPred: Int32Array; proba: Float64Array } {
  const keep = labelledRows(labels);
  return {
    yTrue: Int32Array.from(keep, (i) => labels[i]),
    yPred: Int32Array.from(keep, (i) => predicted[i]),
    proba: probaRows(proba, keep, k),
  };
}

/** The rows that have a label (code >= 0). */
function labelledRows(labels: Int32Array): number[] {
  const keep: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) keep.push(i);
  return keep;
}

/** Rows `keep` of a row-major [N, k] probability matrix. */
function probaRows(proba: ArrayLike<number>, keep: readonly number[], k: number): Float64Array {
  const out = new Float64Array(keep.length * k);
  keep.forEach((i, r) => {
    for (let c = 0; c < k; c++) out[r * k + c] = proba[i * k + c];
  });
  return out;
}

function predictionDrift(
  ref: Predictions,
  prod: Predictions,
  positive: number | null,
  config: Config,
  kernels: StatKernels,
): FeatureStats[] {
  const out: FeatureStats[] = [];
  const k = ref.classes.length;
  // Every row has a prediction (NaN outputs are refused in scoreTable).
  const noMissing = () => ({ reference: 0, production: 0, reference_count: 0, production_count: 0 });
  if (ref.proba && prod.proba) {
    const score = (p: Predictions) => {
      const n = p.predicted.length;
      const s = new Float64Array(n);
      for (let i = 0; i < n; i++) s[i] = p.proba![i * k + (positive ?? p.predicted[i])];
      return s;
    };
    const s = numericalFeatureStats(kernels, score(ref), score(prod), { bins: config.psi.bins, epsilon: config.psi.epsilon });
    out.push({
      name: PREDICTED_PROBABILITY,
      type: 'numerical',
      type_reason: positive === null ? 'probability of the predicted class (KS)' : `probability of class "${ref.classes[positive]}" (KS)`,
      ...s,
      missing: noMissing(),
    });
  }
  const c = categoricalFeatureStats(kernels, ref.predicted, prod.predicted, ref.classes, { epsilon: config.psi.epsilon });
  out.push({ name: PREDICTED_CLASS, type: 'categorical', type_reason: 'predicted class (chi-square)', ...c, missing: noMissing() });
  return out;
}

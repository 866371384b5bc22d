/**
 * The report's `performance` section: predictions for both files (a model run through an injected
 * ModelRunner, or the prediction columns), metrics on the labelled rows, the label-free estimate when
 * production has no labels, and prediction drift tested like a feature. Pure apart from the runner.
 *
 *   const stats = await analysePerformance({ reference, production, config, kernels, runner, modelFile });
 *   const section = decidePerformance(stats, thresholds);   // cheap; re-run on threshold changes
 */
import type { Config, Thresholds } from './config/types.ts';
import type { FeatureStats, PerformanceReport, PerformanceStats } from './report/types.ts';
import type { ParsedTable } from './table/types.ts';
import type { StatKernels } from './stattests/kernels.ts';
import { InputError } from './errors.ts';
import { decide, f1DropAlert, type PerformanceSignal } from './decide.ts';
import { classificationMetrics, type ClassificationMetrics } from './metrics/classificationMetrics.ts';
import { estimatePerformance } from './metrics/estimatePerformance.ts';
import { encodeLabels } from './model/encodeLabels.ts';
import { positiveClass } from './model/positiveClass.ts';
import { predictionClasses, predictionsFromColumns } from './model/predictionsFromColumns.ts';
import type { ModelRunner } from './model/runner.ts';
import { scoreTable, type Predictions } from './model/scoreTable.ts';
import { numericalFeatureStats } from './stattests/numericalFeature.ts';
import { categoricalFeatureStats } from './stattests/categoricalFeature.ts';

export interface PerformanceArgs {
  reference: ParsedTable;
  production: ParsedTable;
  config: Config;
  kernels: StatKernels;
  /** A loaded model (src/onnx createOnnxRunner); without it the prediction columns of the config are used. */
  runner?: ModelRunner | null;
  /** The model's file name, for messages. */
  modelFile?: string;
}

/** Name of the prediction-drift entry for the probability (binary: positive class; multiclass: top class). */
export const PREDICTED_PROBABILITY = 'prediction:probability';
/** Name of the prediction-drift entry for the predicted class. */
export const PREDICTED_CLASS = 'prediction:class';

/**
 * @returns the threshold-independent performance statistics, or null when there is neither a model
 *          nor a prediction column
 * @throws InputError for a missing label column, unseen classes, unmappable model inputs, ...
 */
export async function analysePerformance(args: PerformanceArgs): Promise<PerformanceStats | null> {
  const { reference, production, config, kernels, runner } = args;
  const { prediction_column: predCol, probability_column: probCol, label_column: label } = config.data;
  if (!runner && !predCol && !probCol) return null;
  if (!label) throw new InputError('measuring model performance needs the label column: pass --label COLUMN or set data.label_column');
  const prodHasLabels = production.columns.some((c) => c.name === label && c.missing < production.rows);

  let ref: Predictions;
  let prod: Predictions;
  let positive;
  if (runner) {
    const file = args.modelFile ?? 'model.onnx';
    const exclude = [label, predCol, probCol].filter((x): x is string => x !== null);
    const opts = { file, features: config.model.features, exclude };
    ref = await scoreTable(runner, reference, opts);
    prod = await scoreTable(runner, production, opts);
    positive = positiveClass(ref.classes, config.model.positive_class);
  } else {
    const classes = predictionClasses([reference, production], [label, predCol]);
    positive = positiveClass(classes, config.model.positive_class);
    const cols = { prediction: predCol, probability: probCol };
    ref = predictionsFromColumns(reference, cols, classes, positive?.index ?? null);
    prod = predictionsFromColumns(production, cols, classes, positive?.index ?? null);
  }
  const classes = ref.classes;
  const what = runner ? `the model (${args.modelFile ?? 'model.onnx'})` : 'the predictions';
  const refLabels = encodeLabels(reference, label, classes, what);
  const pos = positive?.index ?? null;
  const baseline = measure(classes, refLabels, ref, pos);
  if (baseline.rows === 0) throw new InputError(`${reference.file}: label column "${label}" has no values; the baseline needs labelled reference rows`);

  let productionPerf: PerformanceStats['production'] = null;
  const warnings = [...ref.warnings];
  if (prodHasLabels) {
    productionPerf = measure(classes, encodeLabels(production, label, classes, what), prod, pos);
  } else if (ref.proba && prod.proba) {
    const [yTrue, proba] = labelled(refLabels, ref.proba, classes.length);
    productionPerf = {
      estimated: true,
      ...estimatePerformance({ classes, positive: pos, reference: { yTrue, proba }, production: { yPred: prod.predicted, proba: prod.proba } }),
    };
    warnings.push(`${production.file} has no labels in "${label}": production performance is a label-free estimate (CBPE)`);
  } else {
    warnings.push(`${production.file} has no labels in "${label}" and the model gives no probabilities: no production performance`);
  }
  return {
    source: ref.source,
    label_column: label,
    classes,
    positive_class: positive?.name ?? null,
    positive_class_reason: positive?.reason ?? null,
    f1_average: pos === null ? 'macro' : 'binary',
    baseline,
    production: productionPerf,
    prediction_drift: predictionDrift(ref, prod, pos, config, kernels),
    warnings,
  };
}

/** The F1 comparison for decide(), or null without production performance. */
export function performanceSignal(stats: PerformanceStats | null): PerformanceSignal | null {
  if (!stats?.production) return null;
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

function measure(classes: string[], labels: Int32Array, p: Predictions, positive: number | null): ClassificationMetrics & { estimated: false } {
  const k = classes.length;
  if (!labels.includes(-1)) {
    return { estimated: false, ...classificationMetrics({ classes, yTrue: labels, yPred: p.predicted, proba: p.proba, positive }) };
  }
  const keep: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) keep.push(i);
  const yTrue = Int32Array.from(keep, (i) => labels[i]);
  const yPred = Int32Array.from(keep, (i) => p.predicted[i]);
  let proba: Float64Array | null = null;
  if (p.proba) {
    proba = new Float64Array(keep.length * k);
    keep.forEach((i, r) => {
      for (let c = 0; c < k; c++) proba![r * k + c] = p.proba![i * k + c];
    });
  }
  return { estimated: false, ...classificationMetrics({ classes, yTrue, yPred, proba, positive }) };
}

function labelled(labels: Int32Array, proba: ArrayLike<number>, k: number): [Int32Array, Float64Array] {
  const keep: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) keep.push(i);
  const out = new Float64Array(keep.length * k);
  keep.forEach((i, r) => {
    for (let c = 0; c < k; c++) out[r * k + c] = proba[i * k + c];
  });
  return [Int32Array.from(keep, (i) => labels[i]), out];
}

function predictionDrift(ref: Predictions, prod: Predictions, positive: number | null, config: Config, kernels: StatKernels): FeatureStats[] {
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

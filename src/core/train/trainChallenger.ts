import { InputError } from '../errors.ts';
import type { ColumnPlan, ParsedTable } from '../table/types.ts';
import { binaryLabels } from './binaryLabels.ts';
import { designMatrix } from './designMatrix.ts';
import { f1Binary } from './f1Binary.ts';
import { featureInputs } from './featureInputs.ts';
import { fitLogisticRegression } from './fitLogisticRegression.ts';
import { fitPreprocessing } from './fitPreprocessing.ts';
import { predictProbabilities } from './predictProbabilities.ts';
import { splitHoldout } from './splitHoldout.ts';
import type { FitHooks, LogisticModel } from './types.ts';
import { binFeatures } from './gbt/binFeatures.ts';
import { DEFAULT_GBT_PARAMS, fitGradientBoosting } from './gbt/fitGradientBoosting.ts';
import { predictGbtProbabilities } from './gbt/predictGbt.ts';
import type { GbtModel, GbtParams } from './gbt/types.ts';
import type { ModelFamily } from '../config/types.ts';

/** Written into every model (and its ONNX metadata); bump when the fitted numbers could change. */
export const TRAINER_VERSION = 'drift-monitor logistic_regression 1';
/** The gradient-boosting counterpart of TRAINER_VERSION. */
export const GBT_TRAINER_VERSION = 'drift-monitor gradient_boosting 1';

/** `retraining.model_family`: which built-in family the challenger is (config/types.ts). */
export type { ModelFamily };

/** A trained challenger of either family. */
export type TrainedModel = LogisticModel | GbtModel;

export interface TrainOptions {
  /** `retraining.model_family` (default 'logistic'). */
  family?: ModelFamily;
  /** Gradient boosting parameters (defaults: DEFAULT_GBT_PARAMS). */
  gbt?: Partial<GbtParams>;
  /** `retraining.data`: reference + labelled production rows (default), or production only. */
  data?: 'reference+production' | 'production';
  /** `retraining.seed`: drives the held-out split only (default 42). */
  seed?: number;
  /** Share of the labelled production rows held out to score champion and challenger (default 0.2). */
  holdoutFraction?: number;
  /** sklearn's C (default 1). */
  C?: number;
  /** See PreprocessOptions.minFrequency (default 5). */
  minFrequency?: number;
  /** `model.positive_class`; null = the default rule of binaryLabels. */
  positiveClass?: string | null;
  /** Newton stopping tolerance on the parameter step (default 1e-10). */
  tol?: number;
  maxIterations?: number;
}

export interface TrainResult<M extends TrainedModel = TrainedModel> {
  model: M;
  /** Production row indices (0-based data rows) held out; score the champion on exactly these. */
  holdoutRows: Int32Array;
  /** Per held-out row: 1 when its label is the positive class (model.classes[1]), else 0. */
  holdoutTruth: Uint8Array;
  /** The challenger's positive-class probabilities on the held-out rows. */
  holdoutProbabilities: Float64Array;
  challenger: { f1: number; accuracy: number };
  rows: { train: number; trainReference: number; trainProduction: number; holdout: number };
  /** Wall-clock milliseconds of the preprocessing and of the fit. */
  timings: { preprocessMs: number; fitMs: number };
}

/**
 * Trains the challenger: a logistic regression (see fitLogisticRegression) on the planned features
 * of the labelled rows, with the preprocessing of fitPreprocessing fitted on the same rows; or, with
 * `family: 'gradient_boosting'`, gradient-boosted trees (fitGradientBoosting) on the raw numerical
 * columns and the same one-hot categorical blocks (binFeatures).
 *
 * Rows: a seeded `holdoutFraction` of the labelled production rows is held out (splitHoldout with
 * `seed`); training uses the other labelled production rows, plus every labelled reference row when
 * `data` is 'reference+production'. Rows without a label are never used.
 *
 * Throws InputError when production has no labels (or too few to hold out and train), or the label
 * is not binary.
 */
export async function trainChallenger(
  ref: ParsedTable,
  prod: ParsedTable,
  plans: ColumnPlan[],
  label: string,
  options?: TrainOptions & { family?: 'logistic' },
  hooks?: FitHooks,
): Promise<TrainResult<LogisticModel>>;
export async function trainChallenger(
  ref: ParsedTable,
  prod: ParsedTable,
  plans: ColumnPlan[],
  label: string,
  options: TrainOptions & { family: 'gradient_boosting' },
  hooks?: FitHooks,
): Promise<TrainResult<GbtModel>>;
export async function trainChallenger(
  ref: ParsedTable,
  prod: ParsedTable,
  plans: ColumnPlan[],
  label: string,
  options?: TrainOptions,
  hooks?: FitHooks,
): Promise<TrainResult>;
export async function trainChallenger(
  ref: ParsedTable,
  prod: ParsedTable,
  plans: ColumnPlan[],
  label: string,
  options: TrainOptions = {},
  hooks: FitHooks = {},
): Promise<TrainResult> {
  const data = options.data ?? 'reference+production';
  const withReference = data === 'reference+production';
  const t0 = performance.now();
  hooks.onProgress?.({ phase: 'preprocess', iteration: 0, gradientMax: NaN });
  const labels = binaryLabels(ref, prod, label, options.positiveClass ?? null, withReference);
  const { y } = labels;
  const prodLabelled: number[] = [];
  for (let i = 0; i < prod.rows; i++) if (y[ref.rows + i] !== 255) prodLabelled.push(i);
  if (prodLabelled.length < 2) {
    throw new InputError(
      `cannot retrain: ${prod.file} has ${prodLabelled.length} labelled row(s) in "${label}"; retraining holds out labelled production rows to compare models, so it needs production labels`,
    );
  }
  const split = splitHoldout(prodLabelled.length, options.holdoutFraction ?? 0.2, options.seed ?? 42);
  const holdoutRows = Int32Array.from(split.holdout, (j) => prodLabelled[j]);
  const train: number[] = [];
  let trainReference = 0;
  if (withReference) {
    for (let i = 0; i < ref.rows; i++) if (y[i] !== 255) train.push(i);
    trainReference = train.length;
  }
  for (const j of split.train) train.push(ref.rows + prodLabelled[j]);
  const trainRows = Int32Array.from(train);
  const trainY = Uint8Array.from(trainRows, (r) => y[r]);
  if (trainY.every((v) => v === trainY[0])) {
    throw new InputError(
      `cannot retrain: the ${trainRows.length} training row(s) all have label "${labels.classes[trainY[0] ?? 0]}"; both classes are needed`,
    );
  }

  const inputs = featureInputs(ref, prod, plans);
  if (inputs.length === 0)
    throw new InputError('cannot retrain: no numerical or categorical feature columns (every column is skipped or dropped)');
  const preprocessing = fitPreprocessing(inputs, trainRows, { minFrequency: options.minFrequency });
  let model: TrainedModel;
  let t1: number;
  if ((options.family ?? 'logistic') === 'gradient_boosting') {
    const params: GbtParams = { ...DEFAULT_GBT_PARAMS, ...options.gbt };
    const features = {
      numerical: preprocessing.numerical.map((s) => s.name),
      categorical: preprocessing.categorical,
      minFrequency: preprocessing.minFrequency,
    };
    const binned = binFeatures(features, inputs, trainRows, params.maxBins);
    t1 = performance.now();
    const fit = await fitGradientBoosting(binned, trainY, params, hooks);
    model = {
      family: 'gradient_boosting',
      trainerVersion: GBT_TRAINER_VERSION,
      features,
      classes: labels.classes,
      baseScore: fit.baseScore,
      trees: fit.trees,
      params,
    };
  } else {
    const x = designMatrix(preprocessing, inputs, trainRows);
    t1 = performance.now();
    const C = options.C ?? 1;
    const fit = await fitLogisticRegression(x, trainY, { C, tol: options.tol, maxIterations: options.maxIterations }, hooks);
    model = {
      family: 'logistic',
      trainerVersion: TRAINER_VERSION,
      preprocessing,
      classes: labels.classes,
      coef: Array.from(fit.coef),
      intercept: fit.intercept,
      C,
      iterations: fit.iterations,
      converged: fit.converged,
    };
  }
  const t2 = performance.now();

  const stacked = Int32Array.from(holdoutRows, (r) => ref.rows + r);
  const holdoutProbabilities =
    model.family === 'gradient_boosting' ? predictGbtProbabilities(model, inputs, stacked) : predictProbabilities(model, inputs, stacked);
  const holdoutTruth = Uint8Array.from(stacked, (r) => y[r]);
  const predicted = Uint8Array.from(holdoutProbabilities, (p) => (p > 0.5 ? 1 : 0));
  return {
    model,
    holdoutRows,
    holdoutTruth,
    holdoutProbabilities,
    challenger: f1Binary(holdoutTruth, predicted),
    rows: { train: trainRows.length, trainReference, trainProduction: trainRows.length - trainReference, holdout: holdoutRows.length },
    timings: { preprocessMs: t1 - t0, fitMs: t2 - t1 },
  };
}

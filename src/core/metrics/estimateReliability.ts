/**
 * When the label-free estimate's assumptions visibly fail. CBPE assumes the calibration learnt on the
 * labelled reference still holds in production (P(y | score) unchanged: covariate shift only). The
 * data can show that it may not: a reference too small to calibrate on, a large move of the predicted
 * positive share or of the score distribution (label shift moves both; so does a covariate shift big
 * enough to reach scores the reference barely has), a reference on which the model is much more
 * accurate than its own probabilities say (rows it was fitted on: its scores there are better than on
 * new rows), a calibration that does not hold on held-out reference rows, and a label-shift-adjusted
 * estimate outside the CBPE band. Each failed check is one sentence with the measured figure.
 * The thresholds were set on the seeded simulations of scripts/estimate-coverage.mjs (README, Models).
 */

/** Fewer labelled reference rows than this: the isotonic calibration is too noisy to trust. */
export const MIN_REFERENCE_ROWS = 500;
/** Fewer rows of the rarer class (binary) than this: the calibration has too few positives to learn from. */
export const MIN_CLASS_ROWS = 50;
/**
 * Change of the predicted positive share (binary) or total variation of the predicted class shares
 * (multiclass), absolute, and at least 3 standard errors of the difference (small files are noisy).
 * Measured on 4000/2000-row simulations: no drift 0.003-0.023 (10th-90th percentile), label shift
 * 0.054-0.133.
 */
export const MAX_PREDICTED_SHARE_CHANGE = 0.05;
/**
 * KS distance between the reference and production scores, and above the KS critical value at
 * p = 0.001 (c = 1.949, Smirnov's asymptotic: D > c sqrt((n + m) / (n m))). Measured: no drift
 * 0.017-0.033, label shift 0.070-0.144, a training-data reference 0.141-0.227.
 */
export const MAX_SCORE_KS = 0.1;
const KS_C_0001 = 1.949;
/**
 * Reference accuracy above the accuracy the model's own probabilities promise (multiclass: either way),
 * and 3 standard errors. Measured: a training-data reference +0.027..+0.043; fresh rows of the same
 * (over-confident) model -0.047..-0.032.
 */
export const MAX_CONFIDENCE_GAP = 0.02;
/** Reference accuracy off the cross-fitted calibration's expectation (and 3 standard errors): isotonic overfitting. */
export const MAX_CROSS_FIT_GAP = 0.03;

export interface ReliabilityInput {
  referenceRows: number;
  productionRows: number;
  /** Binary: labelled reference rows of the rarer class; null for multiclass. */
  minorityRows: number | null;
  /** Binary: [reference, production] share predicted positive; multiclass: null (see classShareChange). */
  predictedPositiveShare: [number, number] | null;
  /** Multiclass: total variation distance of the predicted class shares and its standard error; binary: null. */
  classShareChange: { distance: number; se: number } | null;
  scoreKs: number;
  /** What the score is, for the sentence, e.g. 'the positive-class probability'. */
  scoreName: string;
  /** Measured reference accuracy, the accuracy the raw probabilities promise, and its standard error. */
  referenceAccuracy: number;
  confidenceAccuracy: number;
  confidenceSe: number;
  /** The reference accuracy the cross-fitted calibration expects (binary), else null. */
  crossFitAccuracy: number | null;
  /** Multiclass: the probabilities are used uncalibrated, so a gap either way matters. */
  uncalibrated: boolean;
  /** The label-shift-adjusted F1 and accuracy against the CBPE bands (binary), else null. */
  labelShift: {
    prior: number;
    refPrior: number;
    f1: number;
    accuracy: number;
    f1Band: [number, number] | null;
    accuracyBand: [number, number];
  } | null;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

/** @returns the reasons the estimate is unreliable; empty when every check passes. */
export function reliabilityReasons(r: ReliabilityInput): string[] {
  const out: string[] = [];
  if (r.referenceRows < MIN_REFERENCE_ROWS) {
    out.push(`only ${r.referenceRows} labelled reference rows: the calibration needs at least ${MIN_REFERENCE_ROWS}`);
  }
  if (r.minorityRows !== null && r.minorityRows < MIN_CLASS_ROWS) {
    out.push(`only ${r.minorityRows} labelled reference rows of the rarer class: the calibration needs at least ${MIN_CLASS_ROWS}`);
  }
  if (r.predictedPositiveShare) {
    const [a, b] = r.predictedPositiveShare;
    const p = (a * r.referenceRows + b * r.productionRows) / (r.referenceRows + r.productionRows);
    const se = Math.sqrt(p * (1 - p) * (1 / r.referenceRows + 1 / r.productionRows));
    if (Math.abs(b - a) > Math.max(MAX_PREDICTED_SHARE_CHANGE, 3 * se)) {
      out.push(
        `the share of rows predicted positive moved from ${pct(a)} (reference) to ${pct(b)} (production), more than ${100 * MAX_PREDICTED_SHARE_CHANGE} points: the class shares may have changed, which the estimate cannot follow`,
      );
    }
  }
  if (r.classShareChange !== null && r.classShareChange.distance > Math.max(MAX_PREDICTED_SHARE_CHANGE, 3 * r.classShareChange.se)) {
    out.push(
      `the predicted class shares moved by ${f3(r.classShareChange.distance)} (total variation distance), more than ${MAX_PREDICTED_SHARE_CHANGE}: the class shares may have changed, which the estimate cannot follow`,
    );
  }
  const ksCritical = KS_C_0001 * Math.sqrt((r.referenceRows + r.productionRows) / (r.referenceRows * r.productionRows));
  if (r.scoreKs > Math.max(MAX_SCORE_KS, ksCritical)) {
    out.push(
      `${r.scoreName} shifted between reference and production (KS distance ${f3(r.scoreKs)}, more than ${MAX_SCORE_KS}): the reference calibration may not hold there`,
    );
  }
  const gap = r.referenceAccuracy - r.confidenceAccuracy;
  if ((r.uncalibrated ? Math.abs(gap) : gap) > Math.max(MAX_CONFIDENCE_GAP, 3 * r.confidenceSe)) {
    out.push(
      gap > 0
        ? `on the reference the model is more accurate (${f3(r.referenceAccuracy)}) than its own probabilities promise (${f3(r.confidenceAccuracy)}): the reference looks like rows the model was fitted on, where it does better than on new rows`
        : `on the reference the model is less accurate (${f3(r.referenceAccuracy)}) than its probabilities promise (${f3(r.confidenceAccuracy)}), and the multiclass estimate uses them uncalibrated`,
    );
  }
  if (r.crossFitAccuracy !== null && Math.abs(r.referenceAccuracy - r.crossFitAccuracy) > Math.max(MAX_CROSS_FIT_GAP, 3 * r.confidenceSe)) {
    out.push(
      `the calibration does not hold on held-out reference rows: cross-fitted it expects accuracy ${f3(r.crossFitAccuracy)}, the reference has ${f3(r.referenceAccuracy)}`,
    );
  }
  const ls = r.labelShift;
  if (ls) {
    const outside = (x: number, b: [number, number] | null) => b !== null && (x < b[0] || x > b[1]);
    if (outside(ls.f1, ls.f1Band) || outside(ls.accuracy, ls.accuracyBand)) {
      out.push(
        `the label-shift-adjusted estimate (positive share ${pct(ls.refPrior)} in the reference, ${pct(ls.prior)} estimated in production) gives F1 ${f3(ls.f1)} and accuracy ${f3(ls.accuracy)}, outside the CBPE bands: the class shares may have changed`,
      );
    }
  }
  return out;
}

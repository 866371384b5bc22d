import { mulberry32 } from '../samples/mulberry32.ts';
import { binaryExpectation } from './binaryExpectation.ts';
import { classScores } from './classScores.ts';
import { reliabilityReasons } from './estimateReliability.ts';
import { evalKnots, isotonicKnots } from './isotonicKnots.ts';
import { ksDistance } from './ksDistance.ts';
import { adjustToPrior, labelShiftPrior } from './labelShiftPrior.ts';

/** z for a two-sided 95% normal band. */
export const BAND_Z = 1.959963984540054;
/** Folds of the cross-fitted calibration on the reference. */
export const CROSS_FIT_FOLDS = 5;
/** Bootstrap replicates of the calibration map for the band. */
export const BOOTSTRAP_REPLICATES = 200;
/** mulberry32 start state of the folds and the bootstrap: the same data give the same estimate. */
export const ESTIMATE_RANDOM_STATE = 20020101;
/** Score cells per predicted class for the bootstrap replicates (the point estimate uses every row). */
const SCORE_CELLS = 1000;

/** The label-shift-adjusted estimate (binary): CBPE with the production class shares re-estimated by EM. */
export interface LabelShiftAdjusted {
  method: 'EM prior adjustment (Saerens, Latinne & Decaestecker 2002)';
  reference_positive_share: number;
  /** The EM estimate of the production share of the positive class. */
  production_positive_share: number;
  accuracy: number;
  f1: number;
  accuracy_band: [number, number];
  f1_band: [number, number];
}

export interface PerformanceEstimate {
  method: 'CBPE';
  rows: number;
  accuracy: number;
  /** Binary: F1 on the positive class. Multiclass: macro F1. */
  f1: number;
  /** 95% band (see band_method); null where not derived. */
  accuracy_band: [number, number];
  f1_band: [number, number] | null;
  /** Expected confusion matrix (rows = true class, columns = predicted), fractional counts. */
  confusion_matrix: number[][];
  calibration: string;
  /** What the 95% bands cover. */
  band_method: string;
  /** False when the data show the method's assumptions fail; then treat the numbers as unreliable. */
  estimate_reliable: boolean;
  /** One sentence per failed check, with the measured figure; empty when reliable. */
  reliability_reasons: string[];
  /** Binary only: the estimate under label shift instead of covariate shift; the headline stays CBPE. */
  label_shift_adjusted: LabelShiftAdjusted | null;
}

export interface EstimateInput {
  classes: readonly string[];
  /** Index of the positive class (binary), null for multiclass. */
  positive: number | null;
  /** The labelled reference: true and predicted classes, the model's probabilities (row-major n x k). */
  reference: { yTrue: Int32Array; yPred: Int32Array; proba: ArrayLike<number> };
  /** The unlabelled production rows: predicted classes and probabilities. */
  production: { yPred: Int32Array; proba: ArrayLike<number> };
}

/**
 * Confidence-based performance estimation (CBPE, as NannyML does it): without production labels,
 * treat each row's calibrated probability as the chance that its label is the positive class and
 * take the expected confusion matrix. Binary probabilities are calibrated on the labelled reference
 * by isotonic regression first.
 *
 * The band adds two spreads: the sampling spread of the unknown labels given the calibrated
 * probabilities (binaryExpectation), and the calibration map's own uncertainty, the variance of the
 * estimate over BOOTSTRAP_REPLICATES isotonic fits on resampled reference rows. Without the second a
 * 4000-row reference covered the realized accuracy in 28 of 40 calibrated runs (nominal 38).
 * Cross-fitting (CROSS_FIT_FOLDS folds: each reference row calibrated by a map fitted without it)
 * gives the reference accuracy the calibration honestly expects, for the reliability checks; the
 * production rows are never calibration rows, so they use the map fitted on the whole reference.
 *
 * Neither spread covers concept drift or label shift, which move P(y | score): estimateReliability
 * flags what the data can show of them, and label_shift_adjusted gives the estimate under a pure
 * label shift. A concept drift that leaves the scores unchanged is invisible without labels.
 *
 * References: NannyML, "Confidence-based Performance Estimation"
 * (https://nannyml.readthedocs.io/en/stable/how_it_works/performance_estimation.html).
 */
export function estimatePerformance(input: EstimateInput): PerformanceEstimate {
  const { classes, positive } = input;
  return classes.length === 2 && positive !== null ? binaryEstimate(input, positive) : multiclassEstimate(input);
}

function binaryEstimate(input: EstimateInput, pos: number): PerformanceEstimate {
  const { reference, production } = input;
  const random = mulberry32(ESTIMATE_RANDOM_STATE);
  const refN = reference.yTrue.length;
  const n = production.yPred.length;

  // Reference sorted by score once: every refit (folds, bootstrap) only re-weights.
  const order = Array.from({ length: refN }, (_, i) => i).sort((a, b) => reference.proba[a * 2 + pos] - reference.proba[b * 2 + pos]);
  const xs = Float64Array.from(order, (i) => reference.proba[i * 2 + pos]);
  const ys = Float64Array.from(order, (i) => (reference.yTrue[i] === pos ? 1 : 0));
  const refPredPos = Uint8Array.from(order, (i) => (reference.yPred[i] === pos ? 1 : 0));
  const full = isotonicKnots(xs, ys);

  const prodScore = new Float64Array(n);
  const prodPredPos = new Uint8Array(n);
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    prodScore[i] = production.proba[i * 2 + pos];
    prodPredPos[i] = production.yPred[i] === pos ? 1 : 0;
    q[i] = evalKnots(full, prodScore[i]);
  }
  const e = binaryExpectation(q, prodPredPos);
  const refPositives = ys.reduce((a, b) => a + b, 0);
  const refPrior = refN ? refPositives / refN : 0;

  let ls: { prior: number; e: ReturnType<typeof binaryExpectation> } | null = null;
  if (refPrior > 0 && refPrior < 1) {
    const { prior } = labelShiftPrior(q, refPrior);
    ls = {
      prior,
      e: binaryExpectation(
        q.map((v) => adjustToPrior(v, refPrior, prior)),
        prodPredPos,
      ),
    };
  }

  // Production cells (score bin x predicted class) for the replicates: the calibration maps are
  // piecewise linear, so a cell's mean score stands for its rows to well under 1/SCORE_CELLS.
  const cells = scoreCells(prodScore, prodPredPos);
  const cellQ = new Float64Array(cells.score.length);
  const boot = { acc: [] as number[], f1: [] as number[], lsAcc: [] as number[], lsF1: [] as number[] };
  const w = new Float64Array(refN);
  const prodDraw = new Float64Array(cells.score.length);
  const cum = cumulative(cells.count);
  for (let b = 0; b < BOOTSTRAP_REPLICATES && refN > 0; b++) {
    w.fill(0);
    for (let i = 0; i < refN; i++) w[Math.floor(random() * refN)]++;
    const k = isotonicKnots(xs, ys, w);
    for (let c = 0; c < cellQ.length; c++) cellQ[c] = evalKnots(k, cells.score[c]);
    const eb = binaryExpectation(cellQ, cells.predPos, cells.count);
    boot.acc.push(eb.accuracy);
    boot.f1.push(eb.f1);
    if (ls) {
      // The EM share is estimated from the production rows too: resample them for it.
      let wPos = 0;
      for (let i = 0; i < refN; i++) wPos += w[i] * ys[i];
      const priorB = Math.min(1 - 1e-9, Math.max(1e-9, wPos / refN));
      prodDraw.fill(0);
      for (let i = 0; i < n; i++) prodDraw[upperBound(cum, random() * n)]++;
      const { prior } = labelShiftPrior(cellQ, priorB, prodDraw);
      const lb = binaryExpectation(
        cellQ.map((v) => adjustToPrior(v, priorB, prior)),
        cells.predPos,
        cells.count,
      );
      boot.lsAcc.push(lb.accuracy);
      boot.lsF1.push(lb.f1);
    }
  }

  const matrix = [
    [0, 0],
    [0, 0],
  ];
  const neg = 1 - pos;
  matrix[pos][pos] = e.tp;
  matrix[neg][pos] = e.fp;
  matrix[pos][neg] = e.fn;
  matrix[neg][neg] = e.tn;
  const accuracyBand = band(e.accuracy, Math.sqrt(e.accuracyVar + variance(boot.acc)));
  const f1Band = band(e.f1, Math.sqrt(e.f1Var + variance(boot.f1)));
  const labelShift: LabelShiftAdjusted | null = ls && {
    method: 'EM prior adjustment (Saerens, Latinne & Decaestecker 2002)',
    reference_positive_share: refPrior,
    production_positive_share: ls.prior,
    accuracy: ls.e.accuracy,
    f1: ls.e.f1,
    accuracy_band: band(ls.e.accuracy, Math.sqrt(ls.e.accuracyVar + variance(boot.lsAcc))),
    f1_band: band(ls.e.f1, Math.sqrt(ls.e.f1Var + variance(boot.lsF1))),
  };

  // Reference diagnostics: accuracy measured, promised by the raw probabilities, expected cross-fitted.
  const oof = crossFit(xs, ys, random);
  let right = 0,
    conf = 0,
    confVar = 0,
    oofAcc = 0,
    refPosPred = 0;
  for (let i = 0; i < refN; i++) {
    const predicted = refPredPos[i];
    refPosPred += predicted;
    if ((predicted === 1) === (ys[i] === 1)) right++;
    const c = predicted ? xs[i] : 1 - xs[i];
    conf += c;
    confVar += c * (1 - c);
    oofAcc += predicted ? oof[i] : 1 - oof[i];
  }
  const prodScoreSorted = prodScore.slice().sort();
  const reasons = reliabilityReasons({
    referenceRows: refN,
    productionRows: n,
    minorityRows: Math.min(refPositives, refN - refPositives),
    predictedPositiveShare: [refN ? refPosPred / refN : 0, n ? e.tp / n + e.fp / n : 0],
    classShareChange: null,
    scoreKs: ksDistance(xs, prodScoreSorted),
    scoreName: `the probability of class "${input.classes[pos]}"`,
    referenceAccuracy: refN ? right / refN : 0,
    confidenceAccuracy: refN ? conf / refN : 0,
    confidenceSe: refN ? Math.sqrt(confVar) / refN : 0,
    crossFitAccuracy: refN ? oofAcc / refN : null,
    uncalibrated: false,
    labelShift: labelShift && {
      prior: labelShift.production_positive_share,
      refPrior,
      f1: labelShift.f1,
      accuracy: labelShift.accuracy,
      f1Band,
      accuracyBand,
    },
  });
  return {
    method: 'CBPE',
    rows: n,
    accuracy: e.accuracy,
    f1: e.f1,
    accuracy_band: accuracyBand,
    f1_band: f1Band,
    confusion_matrix: matrix,
    calibration: `isotonic on the labelled reference (${refN} rows; ${CROSS_FIT_FOLDS}-fold cross-fitted for the reliability checks)`,
    band_method: `sampling of the unknown labels plus the calibration's uncertainty (${BOOTSTRAP_REPLICATES} bootstrap refits on the reference)`,
    estimate_reliable: reasons.length === 0,
    reliability_reasons: reasons,
    label_shift_adjusted: labelShift,
  };
}

function multiclassEstimate(input: EstimateInput): PerformanceEstimate {
  const { classes, reference, production } = input;
  const k = classes.length;
  const n = production.yPred.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const prodTop = new Float64Array(n);
  const prodShare = new Float64Array(k);
  let acc = 0;
  let vAcc = 0;
  for (let i = 0; i < n; i++) {
    const j = production.yPred[i];
    for (let c = 0; c < k; c++) matrix[c][j] += production.proba[i * k + c];
    const q = production.proba[i * k + j];
    prodTop[i] = q;
    prodShare[j]++;
    acc += q;
    vAcc += q * (1 - q);
  }
  const refN = reference.yTrue.length;
  const refTop = new Float64Array(refN);
  const refShare = new Float64Array(k);
  let right = 0,
    conf = 0,
    confVar = 0;
  for (let i = 0; i < refN; i++) {
    const j = reference.yPred[i];
    const q = reference.proba[i * k + j];
    refTop[i] = q;
    refShare[j]++;
    if (reference.yTrue[i] === j) right++;
    conf += q;
    confVar += q * (1 - q);
  }
  let tv = 0;
  let tvVar = 0;
  for (let c = 0; c < k; c++) {
    const a = refN ? refShare[c] / refN : 0;
    const b = n ? prodShare[c] / n : 0;
    tv += Math.abs(a - b) / 2;
    const p = (refShare[c] + prodShare[c]) / Math.max(1, refN + n);
    // Half the sum of the differences' standard errors: a bound on the noise of the distance.
    tvVar += p * (1 - p) * (1 / Math.max(1, refN) + 1 / Math.max(1, n));
  }
  const tvSe = Math.sqrt(tvVar) / 2;
  const accuracy = n ? acc / n : 0;
  const f1 = classScores(matrix).reduce((a, s) => a + s.f1, 0) / k;
  const reasons = reliabilityReasons({
    referenceRows: refN,
    productionRows: n,
    minorityRows: null,
    predictedPositiveShare: null,
    classShareChange: { distance: tv, se: tvSe },
    scoreKs: ksDistance(refTop.sort(), prodTop.sort()),
    scoreName: 'the probability of the predicted class',
    referenceAccuracy: refN ? right / refN : 0,
    confidenceAccuracy: refN ? conf / refN : 0,
    confidenceSe: refN ? Math.sqrt(confVar) / refN : 0,
    crossFitAccuracy: null,
    uncalibrated: true,
    labelShift: null,
  });
  return {
    method: 'CBPE',
    rows: n,
    accuracy,
    f1,
    accuracy_band: band(accuracy, n ? Math.sqrt(vAcc) / n : 0),
    f1_band: null,
    confusion_matrix: matrix,
    calibration: 'none (multiclass: the model probabilities as given)',
    band_method: 'sampling of the unknown labels only (the probabilities are not calibrated, so no calibration uncertainty is added)',
    estimate_reliable: reasons.length === 0,
    reliability_reasons: reasons,
    label_shift_adjusted: null,
  };
}

/**
 * Out-of-fold calibrated probabilities of the (score-sorted) reference rows: rows are dealt at random
 * into CROSS_FIT_FOLDS folds, and each fold is calibrated by the map fitted on the other folds.
 */
function crossFit(xs: Float64Array, ys: Float64Array, random: () => number): Float64Array {
  const n = xs.length;
  const fold = new Int32Array(n);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  perm.forEach((row, r) => (fold[row] = r % CROSS_FIT_FOLDS));
  const out = new Float64Array(n);
  const w = new Float64Array(n);
  for (let f = 0; f < CROSS_FIT_FOLDS && n >= CROSS_FIT_FOLDS; f++) {
    for (let i = 0; i < n; i++) w[i] = fold[i] === f ? 0 : 1;
    const k = isotonicKnots(xs, ys, w);
    for (let i = 0; i < n; i++) if (fold[i] === f) out[i] = evalKnots(k, xs[i]);
  }
  if (n < CROSS_FIT_FOLDS) out.set(ys);
  return out;
}

/** Production rows grouped by (score bin, predicted class): mean score, predicted-positive flag, count. */
function scoreCells(score: Float64Array, predPos: Uint8Array): { score: Float64Array; predPos: Uint8Array; count: Float64Array } {
  const sum = new Float64Array(2 * SCORE_CELLS);
  const count = new Float64Array(2 * SCORE_CELLS);
  for (let i = 0; i < score.length; i++) {
    const bin = Math.min(SCORE_CELLS - 1, Math.max(0, Math.floor(score[i] * SCORE_CELLS)));
    const c = bin + (predPos[i] ? SCORE_CELLS : 0);
    sum[c] += score[i];
    count[c]++;
  }
  const used: number[] = [];
  for (let c = 0; c < count.length; c++) if (count[c] > 0) used.push(c);
  return {
    score: Float64Array.from(used, (c) => sum[c] / count[c]),
    predPos: Uint8Array.from(used, (c) => (c >= SCORE_CELLS ? 1 : 0)),
    count: Float64Array.from(used, (c) => count[c]),
  };
}

function cumulative(count: Float64Array): Float64Array {
  const out = new Float64Array(count.length);
  let s = 0;
  count.forEach((c, i) => (out[i] = s += c));
  return out;
}

/** First index whose cumulative count exceeds u. */
function upperBound(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
}

function band(x: number, sd: number): [number, number] {
  return [Math.max(0, x - BAND_Z * sd), Math.min(1, x + BAND_Z * sd)];
}

import { classScores } from './classScores.ts';
import { isotonicFit } from './isotonicFit.ts';

/** z for a two-sided 95% normal band. */
export const BAND_Z = 1.959963984540054;

export interface PerformanceEstimate {
  method: 'CBPE';
  rows: number;
  accuracy: number;
  /** Binary: F1 on the positive class. Multiclass: macro F1. */
  f1: number;
  /** 95% band from the sampling variance of the unknown labels (normal approximation); null where not derived. */
  accuracy_band: [number, number];
  f1_band: [number, number] | null;
  /** Expected confusion matrix (rows = true class, columns = predicted), fractional counts. */
  confusion_matrix: number[][];
  calibration: 'isotonic on the labelled reference' | 'none (multiclass: the model probabilities as given)';
}

export interface EstimateInput {
  classes: readonly string[];
  /** Index of the positive class (binary), null for multiclass. */
  positive: number | null;
  /** The labelled reference: true classes and the model's probabilities (row-major n x k). */
  reference: { yTrue: Int32Array; proba: ArrayLike<number> };
  /** The unlabelled production rows: predicted classes and probabilities. */
  production: { yPred: Int32Array; proba: ArrayLike<number> };
}

/**
 * Confidence-based performance estimation (CBPE, as NannyML does it): without production labels,
 * treat each row's calibrated probability as the chance that its label is the positive class and
 * take the expected confusion matrix. Binary probabilities are calibrated on the labelled reference
 * by isotonic regression first. The band is the sampling spread of the unknown labels, assuming they
 * follow the calibrated probabilities: exact variance for accuracy (a sum of Bernoulli terms), the delta
 * method for F1 = 2A / (m + A + B), A = expected true positives, B = expected false negatives,
 * m = rows predicted positive. It does not cover calibration error or concept drift, which CBPE
 * cannot see: treat it as an estimate.
 *
 * References: NannyML, "Confidence-based Performance Estimation"
 * (https://nannyml.readthedocs.io/en/stable/how_it_works/performance_estimation.html).
 */
export function estimatePerformance(input: EstimateInput): PerformanceEstimate {
  const { classes, positive, reference, production } = input;
  const k = classes.length;
  const n = production.yPred.length;
  return k === 2 && positive !== null ? binaryEstimate(input, positive, n) : multiclassEstimate(classes, production, n);
}

function binaryEstimate(input: EstimateInput, pos: number, n: number): PerformanceEstimate {
  const { reference, production } = input;
  const refN = reference.yTrue.length;
  const refP = new Float64Array(refN);
  const refY = new Float64Array(refN);
  for (let i = 0; i < refN; i++) {
    refP[i] = reference.proba[i * 2 + pos];
    refY[i] = reference.yTrue[i] === pos ? 1 : 0;
  }
  const calibrate = isotonicFit(refP, refY);
  const neg = 1 - pos;
  let tp = 0, fp = 0, fn = 0, tn = 0, m = 0, vA = 0, vB = 0, vAcc = 0;
  for (let i = 0; i < n; i++) {
    const q = calibrate(production.proba[i * 2 + pos]);
    const v = q * (1 - q);
    vAcc += v;
    if (production.yPred[i] === pos) {
      tp += q;
      fp += 1 - q;
      m++;
      vA += v;
    } else {
      fn += q;
      tn += 1 - q;
      vB += v;
    }
  }
  const matrix = [[0, 0], [0, 0]];
  matrix[pos][pos] = tp;
  matrix[neg][pos] = fp;
  matrix[pos][neg] = fn;
  matrix[neg][neg] = tn;
  const accuracy = n ? (tp + tn) / n : 0;
  const accSd = n ? Math.sqrt(vAcc) / n : 0;
  const d = m + tp + fn;
  const f1 = d ? (2 * tp) / d : 0;
  // dF/dA = 2 (m + B) / D^2, dF/dB = -2 A / D^2 with D = m + A + B.
  const f1Sd = d ? Math.sqrt(((2 * (m + fn)) / (d * d)) ** 2 * vA + ((2 * tp) / (d * d)) ** 2 * vB) : 0;
  return {
    method: 'CBPE',
    rows: n,
    accuracy,
    f1,
    accuracy_band: band(accuracy, accSd),
    f1_band: band(f1, f1Sd),
    confusion_matrix: matrix,
    calibration: 'isotonic on the labelled reference',
  };
}

function multiclassEstimate(classes: readonly string[], production: EstimateInput['production'], n: number): PerformanceEstimate {
  const k = classes.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let acc = 0;
  let vAcc = 0;
  for (let i = 0; i < n; i++) {
    const j = production.yPred[i];
    for (let c = 0; c < k; c++) matrix[c][j] += production.proba[i * k + c];
    const q = production.proba[i * k + j];
    acc += q;
    vAcc += q * (1 - q);
  }
  const accuracy = n ? acc / n : 0;
  const f1 = classScores(matrix).reduce((a, s) => a + s.f1, 0) / k;
  return {
    method: 'CBPE',
    rows: n,
    accuracy,
    f1,
    accuracy_band: band(accuracy, n ? Math.sqrt(vAcc) / n : 0),
    f1_band: null,
    confusion_matrix: matrix,
    calibration: 'none (multiclass: the model probabilities as given)',
  };
}

function band(x: number, sd: number): [number, number] {
  return [Math.max(0, x - BAND_Z * sd), Math.min(1, x + BAND_Z * sd)];
}

/**
 * Seeded simulations for the label-free performance estimate (estimatePerformance): a binary model
 * on two normal features, a labelled reference and an unlabelled production file whose true labels
 * are kept to score the estimate. scripts/estimate-coverage.mjs runs them (the README table) and
 * tests/core/metrics/estimateCoverage.test.ts runs fewer.
 *
 * The model's logit is 1.4 x the true logit + 0.3 (over-confident, so the isotonic calibration has
 * work to do); a row is predicted positive when its score passes 0.5.
 *   none          production drawn like the reference
 *   covariate     the inputs move (x1 mean +0.3..+1.2), P(y | x) stays: what CBPE assumes
 *   label         P(x | y) stays, the positive share moves from 0.3 to 0.1..0.2 or 0.45..0.7
 *   concept       the inputs move as in covariate and P(y | x) too (true logit +-0.5..1.2)
 *   concept-only  P(y | x) moves, the inputs do not: invisible without labels
 *   training      the reference is the model's training data (its logit there is pushed 0.8..1.5
 *                 towards the true label, as a fitted model's is); production is fresh, no drift
 */
import { estimatePerformance, type PerformanceEstimate } from '../metrics/estimatePerformance.ts';
import { classificationMetrics } from '../metrics/classificationMetrics.ts';
import { mulberry32 } from './mulberry32.ts';
import { normalSampler } from './normalSampler.ts';

export const ESTIMATE_SCENARIOS = ['none', 'covariate', 'label', 'concept', 'concept-only', 'training'] as const;
export type EstimateScenario = (typeof ESTIMATE_SCENARIOS)[number];

export interface EstimateRun {
  estimate: PerformanceEstimate;
  accuracy: number;
  f1: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));
const W = [1.2, 0.8];
const REF_PRIOR = 0.3;

interface Rows {
  yTrue: Int32Array;
  yPred: Int32Array;
  proba: Float64Array;
}

/**
 * One seeded run: the estimate and the realized production accuracy and F1.
 * @param run any integer; (scenario, run) fixes every draw
 */
export function simulateEstimateRun(scenario: EstimateScenario, run: number, sizes = { reference: 4000, production: 2000 }): EstimateRun {
  const random = mulberry32((ESTIMATE_SCENARIOS.indexOf(scenario) + 1) * 1_000_003 + run);
  const normal = normalSampler(random);
  const uniform = (a: number, b: number) => a + (b - a) * random();
  const sign = () => (random() < 0.5 ? -1 : 1);
  const shift = scenario === 'covariate' || scenario === 'concept' ? uniform(0.3, 1.2) : 0;
  const concept = scenario === 'concept' || scenario === 'concept-only' ? sign() * uniform(0.5, 1.2) : 0;
  const memorize = scenario === 'training' ? uniform(0.8, 1.5) : 0;
  const prodPrior = scenario === 'label' ? (random() < 0.5 ? uniform(0.1, 0.2) : uniform(0.45, 0.7)) : REF_PRIOR;

  const draw = (n: number, production: boolean): Rows => {
    const rows: Rows = { yTrue: new Int32Array(n), yPred: new Int32Array(n), proba: new Float64Array(2 * n) };
    for (let i = 0; i < n; i++) {
      let y: number;
      let trueLogit: number;
      if (scenario === 'label') {
        // Class-conditional normals: means 0 and W, unit variance; the model knows the reference prior.
        y = random() < (production ? prodPrior : REF_PRIOR) ? 1 : 0;
        const x1 = normal() + y * W[0];
        const x2 = normal() + y * W[1];
        trueLogit = logit(REF_PRIOR) + W[0] * x1 + W[1] * x2 - (W[0] ** 2 + W[1] ** 2) / 2;
      } else {
        const x1 = normal() + (production ? shift : 0);
        const x2 = normal();
        trueLogit = -1.2 + W[0] * x1 + W[1] * x2;
        y = random() < sigmoid(trueLogit + (production ? concept : 0)) ? 1 : 0;
      }
      const modelLogit = 1.4 * trueLogit + 0.3 + (production ? 0 : memorize * (2 * y - 1));
      const s = sigmoid(modelLogit);
      rows.yTrue[i] = y;
      rows.yPred[i] = s > 0.5 ? 1 : 0;
      rows.proba[2 * i] = 1 - s;
      rows.proba[2 * i + 1] = s;
    }
    return rows;
  };
  const reference = draw(sizes.reference, false);
  const production = draw(sizes.production, true);
  const classes = ['0', '1'];
  const estimate = estimatePerformance({
    classes,
    positive: 1,
    reference,
    production: { yPred: production.yPred, proba: production.proba },
  });
  const real = classificationMetrics({ classes, yTrue: production.yTrue, yPred: production.yPred, proba: production.proba, positive: 1 });
  return { estimate, accuracy: real.accuracy, f1: real.f1 };
}

export interface CoverageRow {
  scenario: EstimateScenario;
  runs: number;
  /** Share of runs whose 95% band holds the realized value. */
  accuracyCovered: number;
  f1Covered: number;
  /** The same for the label-shift-adjusted estimate. */
  labelShiftF1Covered: number;
  /** Share of runs flagged estimate_reliable = false. */
  unreliable: number;
  /** Share of runs reliable AND the F1 band misses: a confident wrong number. */
  reliableF1Missed: number;
  reliableAccuracyMissed: number;
  /** Mean absolute error of the F1 estimate. */
  f1Error: number;
}

const inside = (x: number, b: readonly [number, number] | null) => b !== null && x >= b[0] && x <= b[1];

/** Runs `runs` seeded simulations of a scenario (runs 0..runs-1) and summarises them. */
export function estimateCoverage(scenario: EstimateScenario, runs: number, sizes?: { reference: number; production: number }): CoverageRow {
  let acc = 0,
    f1 = 0,
    lsF1 = 0,
    unreliable = 0,
    missF1 = 0,
    missAcc = 0,
    err = 0;
  for (let r = 0; r < runs; r++) {
    const { estimate: e, accuracy, f1: trueF1 } = simulateEstimateRun(scenario, r, sizes);
    const accIn = inside(accuracy, e.accuracy_band);
    const f1In = inside(trueF1, e.f1_band);
    acc += +accIn;
    f1 += +f1In;
    lsF1 += +inside(trueF1, e.label_shift_adjusted?.f1_band ?? null);
    unreliable += +!e.estimate_reliable;
    missF1 += +(e.estimate_reliable && !f1In);
    missAcc += +(e.estimate_reliable && !accIn);
    err += Math.abs(e.f1 - trueF1);
  }
  return {
    scenario,
    runs,
    accuracyCovered: acc / runs,
    f1Covered: f1 / runs,
    labelShiftF1Covered: lsF1 / runs,
    unreliable: unreliable / runs,
    reliableF1Missed: missF1 / runs,
    reliableAccuracyMissed: missAcc / runs,
    f1Error: err / runs,
  };
}

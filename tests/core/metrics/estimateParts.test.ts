/**
 * The parts of the label-free estimate: weighted isotonic knots, the label-shift prior (Saerens et al.
 * 2002), the KS distance on sorted scores, and the reliability reasons.
 */
import { describe, expect, it } from 'vitest';
import { evalKnots, isotonicKnots } from '../../../src/core/metrics/isotonicKnots.ts';
import { adjustToPrior, labelShiftPrior } from '../../../src/core/metrics/labelShiftPrior.ts';
import { ksDistance } from '../../../src/core/metrics/ksDistance.ts';
import { reliabilityReasons, type ReliabilityInput } from '../../../src/core/metrics/estimateReliability.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';

describe('isotonicKnots(x, y, w)', () => {
  it('weight 2 fits like the row written twice; weight 0 like the row left out', () => {
    const x = [0.1, 0.2, 0.3, 0.4, 0.5];
    const y = [0, 1, 0, 1, 1];
    const weighted = isotonicKnots(x, y, [1, 2, 0, 1, 1]);
    const written = isotonicKnots([0.1, 0.2, 0.2, 0.4, 0.5], [0, 1, 1, 1, 1]);
    expect(Array.from(weighted.x)).toEqual(Array.from(written.x));
    expect(Array.from(weighted.y)).toEqual(Array.from(written.y));
    expect(evalKnots(weighted, 0.15)).toBeCloseTo(0.5, 12);
  });

  it('pools violators into their weighted mean', () => {
    const k = isotonicKnots([1, 2, 3], [1, 0, 0], [1, 1, 2]);
    expect(Array.from(k.y)).toEqual([0.25, 0.25, 0.25]);
  });
});

describe('labelShiftPrior(q, refPrior)', () => {
  it('equals the fixed point of the plain EM of Saerens et al. (iterated to 1e-13)', () => {
    const random = mulberry32(7);
    const q = Float64Array.from({ length: 500 }, () => random() ** 0.7);
    const refPrior = 0.35;
    let prior = refPrior;
    for (let i = 0; i < 200000; i++) {
      const next = q.reduce((a, v) => a + adjustToPrior(v, refPrior, prior), 0) / q.length;
      if (Math.abs(next - prior) < 1e-13) break;
      prior = next;
    }
    expect(Math.abs(labelShiftPrior(q, refPrior).prior - prior)).toBeLessThan(1e-8);
  });

  it('a classifier that separates the classes: the prior is the share of q = 1', () => {
    expect(labelShiftPrior([1, 1, 0, 0, 0], 0.5).prior).toBeCloseTo(0.4, 9);
  });

  it('no change of the posteriors when the prior stays', () => {
    expect(adjustToPrior(0.3, 0.2, 0.2)).toBeCloseTo(0.3, 15);
  });
});

describe('ksDistance(a, b)', () => {
  it('the largest gap of the two ECDFs, ties counted on both sides', () => {
    // ECDFs after 1: 1/3 vs 0; after 2: 2/3 vs 1/2; after 3: 1 vs 1/2; after 4: 1 vs 1.
    expect(ksDistance([1, 2, 3], [2, 4])).toBeCloseTo(1 / 2, 15);
    expect(ksDistance([1, 2], [3, 4])).toBe(1);
    expect(ksDistance([1, 2], [1, 2])).toBe(0);
  });
});

describe('reliabilityReasons(input)', () => {
  const ok: ReliabilityInput = {
    referenceRows: 5000,
    productionRows: 5000,
    minorityRows: 1500,
    predictedPositiveShare: [0.3, 0.31],
    classShareChange: null,
    scoreKs: 0.02,
    scoreName: 'the probability of class "1"',
    referenceAccuracy: 0.85,
    confidenceAccuracy: 0.85,
    confidenceSe: 0.005,
    crossFitAccuracy: 0.85,
    uncalibrated: false,
    labelShift: null,
  };

  it('no reasons when every check passes', () => {
    expect(reliabilityReasons(ok)).toEqual([]);
  });

  it('one sentence per failed check, each with the measured figure', () => {
    const reasons = reliabilityReasons({
      ...ok,
      predictedPositiveShare: [0.3, 0.45],
      scoreKs: 0.3,
      referenceAccuracy: 0.95,
      confidenceAccuracy: 0.88,
      crossFitAccuracy: 0.9,
      labelShift: { prior: 0.5, refPrior: 0.3, f1: 0.7, accuracy: 0.8, f1Band: [0.6, 0.65], accuracyBand: [0.78, 0.82] },
    });
    expect(reasons).toEqual([
      'the share of rows predicted positive moved from 30.0% (reference) to 45.0% (production), more than 5 points: the class shares may have changed, which the estimate cannot follow',
      'the probability of class "1" shifted between reference and production (KS distance 0.300, more than 0.1): the reference calibration may not hold there',
      'on the reference the model is more accurate (0.950) than its own probabilities promise (0.880): the reference looks like rows the model was fitted on, where it does better than on new rows',
      'the calibration does not hold on held-out reference rows: cross-fitted it expects accuracy 0.900, the reference has 0.950',
      'the label-shift-adjusted estimate (positive share 30.0% in the reference, 50.0% estimated in production) gives F1 0.700 and accuracy 0.800, outside the CBPE bands: the class shares may have changed',
    ]);
  });

  it('small files: a share change or KS distance within the sampling noise is not flagged', () => {
    // 100 rows each: 3 standard errors of a share difference near 0.3 is 0.19; KS critical value 0.28.
    expect(
      reliabilityReasons({ ...ok, referenceRows: 600, productionRows: 100, predictedPositiveShare: [0.3, 0.42], scoreKs: 0.2 }),
    ).toEqual([]);
  });

  it('multiclass (uncalibrated): a reference less accurate than the probabilities promise is flagged too', () => {
    const reasons = reliabilityReasons({
      ...ok,
      minorityRows: null,
      predictedPositiveShare: null,
      classShareChange: { distance: 0.02, se: 0.01 },
      crossFitAccuracy: null,
      uncalibrated: true,
      referenceAccuracy: 0.7,
      confidenceAccuracy: 0.8,
    });
    expect(reasons).toEqual([
      'on the reference the model is less accurate (0.700) than its probabilities promise (0.800), and the multiclass estimate uses them uncalibrated',
    ]);
  });
});

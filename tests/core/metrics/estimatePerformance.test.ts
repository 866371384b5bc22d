import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classificationMetrics, estimatePerformance, isotonicFit } from '../../../src/core/metrics/index.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/metrics/metrics.json', import.meta.url), 'utf8')) as {
  isotonic: { x: number[]; y: number[]; x_new: number[]; expected: number[] };
};

describe('isotonicFit(x, y)', () => {
  it("isotonicFit matches scikit-learn's IsotonicRegression(out_of_bounds='clip') (ties, clipping, interpolation)", () => {
    const f = isotonicFit(fixture.isotonic.x, fixture.isotonic.y);
    // Means of 0/1 values and one linear interpolation: only rounding differs.
    fixture.isotonic.x_new.forEach((v, i) => expect(Math.abs(f(v) - fixture.isotonic.expected[i])).toBeLessThan(1e-12));
  });
});

/** n rows whose labels follow their probabilities exactly (a calibrated model). */
function calibratedSample(n: number, seed: number) {
  const random = mulberry32(seed);
  const proba = new Float64Array(n * 2);
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = random() ** 1.5; // skewed towards the negative class
    proba[i * 2] = 1 - p;
    proba[i * 2 + 1] = p;
    yTrue[i] = random() < p ? 1 : 0;
    yPred[i] = p > 0.5 ? 1 : 0;
  }
  return { proba, yTrue, yPred };
}

describe('estimatePerformance(input) (CBPE)', () => {
  it('estimatePerformance: with 4000-row references the 95% band, widened by the calibration bootstrap, covers the realized accuracy and F1 in most of 40 seeded runs', () => {
    let accHits = 0;
    let f1Hits = 0;
    let reliable = 0;
    for (let s = 0; s < 40; s++) {
      // A fresh reference each run: the band is for the calibration error of a random reference.
      const ref = calibratedSample(4000, 1000 + s);
      const prod = calibratedSample(3000, 100 + s);
      const est = estimatePerformance({ classes: ['0', '1'], positive: 1, reference: ref, production: prod });
      const real = classificationMetrics({ classes: ['0', '1'], yTrue: prod.yTrue, yPred: prod.yPred, proba: prod.proba, positive: 1 });
      if (real.accuracy >= est.accuracy_band[0] && real.accuracy <= est.accuracy_band[1]) accHits++;
      if (real.f1 >= est.f1_band![0] && real.f1 <= est.f1_band![1]) f1Hits++;
      expect(est.rows).toBe(3000);
      reliable += +est.estimate_reliable;
    }
    // Nominal 95% = 38 of 40. The label-sampling band alone (no calibration uncertainty) covered the
    // accuracy in 36 and the F1 in 34 of these 40; with the bootstrap term: measured 36 and 37.
    expect(accHits).toBeGreaterThanOrEqual(35);
    expect(f1Hits).toBeGreaterThanOrEqual(35);
    expect(reliable).toBe(40);
  }, 300_000);

  it('estimatePerformance: the same input gives the same estimate (seeded folds and bootstrap)', () => {
    const ref = calibratedSample(1500, 11);
    const prod = calibratedSample(700, 12);
    const a = estimatePerformance({ classes: ['0', '1'], positive: 1, reference: ref, production: prod });
    const b = estimatePerformance({ classes: ['0', '1'], positive: 1, reference: ref, production: prod });
    expect(a).toEqual(b);
  });

  it('estimatePerformance: the expected confusion matrix sums to the row count and the band contains the estimate', () => {
    const ref = calibratedSample(1000, 5);
    const prod = calibratedSample(500, 6);
    const est = estimatePerformance({ classes: ['0', '1'], positive: 1, reference: ref, production: prod });
    expect(est.confusion_matrix.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(500, 9);
    expect(est.f1).toBeGreaterThanOrEqual(est.f1_band![0]);
    expect(est.f1).toBeLessThanOrEqual(est.f1_band![1]);
    expect(est.calibration).toMatch(/^isotonic on the labelled reference \(1000 rows; 5-fold cross-fitted/);
  });

  it('estimatePerformance: multiclass uses the probabilities as given; accuracy = mean top probability', () => {
    const proba = Float64Array.of(0.7, 0.2, 0.1, 0.1, 0.3, 0.6);
    const est = estimatePerformance({
      classes: ['a', 'b', 'c'],
      positive: null,
      reference: { yTrue: Int32Array.of(0), yPred: Int32Array.of(0), proba: Float64Array.of(1, 0, 0) },
      production: { yPred: Int32Array.of(0, 2), proba },
    });
    expect(est.accuracy).toBeCloseTo(0.65, 12);
    expect(est.f1_band).toBeNull();
    // One labelled reference row: flagged; multiclass has no label-shift adjustment.
    expect(est.estimate_reliable).toBe(false);
    expect(est.reliability_reasons[0]).toBe('only 1 labelled reference rows: the calibration needs at least 500');
    expect(est.label_shift_adjusted).toBeNull();
  });
});

/**
 * The label-free estimate on seeded simulations (src/core/samples/estimateScenarios.ts), fewer and
 * smaller than scripts/estimate-coverage.mjs (the README table): 40 runs per scenario, 1000 labelled
 * reference rows, 1000 production rows. Thresholds leave room around the measured figures (in the
 * comments); they check properties, not outputs. A concept drift that leaves the inputs unchanged
 * (scenario concept-only) is invisible without labels and is not asserted here (README table).
 */
import { describe, expect, it } from 'vitest';
import { estimateCoverage } from '../../../src/core/samples/estimateScenarios.ts';

const sizes = { reference: 1000, production: 1000 };
const RUNS = 40;
/** About 5 s of CPU per scenario (200 bootstrap refits per run); a busy machine stretches that several times. */
const SLOW = 300_000;

describe('estimatePerformance on simulated drift (40 seeded runs per scenario)', () => {
  it(
    'no drift: the bands cover about 95% and the estimate is not flagged',
    () => {
      const r = estimateCoverage('none', RUNS, sizes);
      // Measured: accuracy 92.5%, F1 92.5%, flagged 0%.
      expect(r.accuracyCovered).toBeGreaterThanOrEqual(0.85);
      expect(r.f1Covered).toBeGreaterThanOrEqual(0.85);
      expect(r.unreliable).toBeLessThanOrEqual(0.1);
    },
    SLOW,
  );

  it(
    'covariate shift (what CBPE assumes): the bands still cover',
    () => {
      const r = estimateCoverage('covariate', RUNS, sizes);
      // Measured: accuracy 90%, F1 87.5% (flagged in every run: the checks cannot tell this shift from a label shift).
      expect(r.accuracyCovered).toBeGreaterThanOrEqual(0.8);
      expect(r.f1Covered).toBeGreaterThanOrEqual(0.8);
    },
    SLOW,
  );

  it(
    'label shift: the CBPE band misses often, but rarely while the estimate says reliable; the label-shift-adjusted band covers',
    () => {
      const r = estimateCoverage('label', RUNS, sizes);
      // Measured: CBPE F1 covered 72.5%, flagged 77.5%, reliable and missed 7.5% (F1) / 5% (accuracy),
      // the label-shift-adjusted F1 band covered 100%.
      expect(r.f1Covered).toBeLessThan(0.9);
      expect(r.unreliable).toBeGreaterThanOrEqual(0.6);
      expect(r.reliableF1Missed).toBeLessThanOrEqual(0.125);
      expect(r.reliableAccuracyMissed).toBeLessThanOrEqual(0.125);
      expect(r.labelShiftF1Covered).toBeGreaterThanOrEqual(0.85);
    },
    SLOW,
  );

  it(
    'concept drift with an input shift: flagged whenever the band misses',
    () => {
      const r = estimateCoverage('concept', RUNS, sizes);
      // Measured: F1 covered 52.5%, flagged 100%, reliable and missed 0%.
      expect(r.reliableF1Missed).toBeLessThanOrEqual(0.05);
      expect(r.reliableAccuracyMissed).toBeLessThanOrEqual(0.05);
    },
    SLOW,
  );

  it(
    'a training-data reference: the estimate is far off and flagged',
    () => {
      const r = estimateCoverage('training', RUNS, sizes);
      // Measured: F1 covered 0%, mean absolute F1 error 0.164, flagged 100%.
      expect(r.f1Covered).toBeLessThan(0.5);
      expect(r.unreliable).toBeGreaterThanOrEqual(0.9);
    },
    SLOW,
  );
});

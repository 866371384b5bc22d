/**
 * analysePerformance / decidePerformance without labels: no label column at all (prediction drift
 * only, with a note), labels in one file only (reference only: the CBPE estimate; production only: no
 * baseline). Prediction columns on hand-made tables, and a real ONNX model (tests/fixtures/onnx,
 * scripts/make_onnx_fixtures.py) through onnxruntime-web in Node.
 */
import { describe, expect, it } from 'vitest';
import { analysePerformance, decidePerformance, performanceSignal } from '../../../src/core/performance.ts';
import { loadKernels } from '../../../src/kernels/loadKernels.ts';
import type { PerformanceStats } from '../../../src/core/report/types.ts';
import { config, expected, fixtureTables, loadModel, table } from '../../onnx/helpers.ts';

const REF = 'pred,proba,y\n0,0.1,0\n0,0.2,0\n1,0.6,1\n1,0.7,0\n';
const PROD = 'pred,proba,y\n1,0.8,\n1,0.85,\n1,0.9,\n1,0.95,\n0,0.3,\n';
const columns = { prediction_column: 'pred', probability_column: 'proba' };

async function run(refText: string, prodText: string, data: Record<string, unknown>): Promise<PerformanceStats> {
  const stats = await analysePerformance({
    reference: await table(refText, 'reference.csv'),
    production: await table(prodText, 'production.csv'),
    config: config({ data, columns: { drop: ['pred', 'proba'] } }),
    kernels: await loadKernels(),
  });
  if (!stats) throw new Error('expected a performance section');
  return stats;
}

/** The table without its label column y (the last one). */
const dropY = (text: string) =>
  text
    .split('\n')
    .map((l) => l.split(',').slice(0, 2).join(','))
    .join('\n');

describe('analysePerformance without a label column', () => {
  it('prediction columns, no label: prediction drift only, baseline/production null, a note, no alert', async () => {
    const s = await run(dropY(REF), dropY(PROD), { ...columns, label_column: null });
    expect(s.label_column).toBeNull();
    expect(s.baseline).toBeNull();
    expect(s.production).toBeNull();
    expect(s.note).toMatch(
      /^no label column: prediction drift only; accuracy, F1, the F1-drop alert and the label-free estimate need a label column/,
    );
    expect(s.classes).toEqual(['0', '1']);
    expect(s.positive_class).toBe('1');
    expect(s.positive_class_reason).toBe('default: the class that means 1/true/yes; classes from the values of "pred"');
    const [proba, cls] = s.prediction_drift;
    expect(proba.name).toBe('prediction:probability');
    // Reference {0.1, 0.2, 0.6, 0.7} vs production {0.3, 0.8, 0.85, 0.9, 0.95}: the ECDFs differ most at
    // x = 0.7 (1 - 1/5 = 0.8): D = 0.8 exactly in binary floating point (4/4 - 1/5).
    expect(proba.ks!.statistic).toBe(1 - 1 / 5);
    expect(cls.name).toBe('prediction:class');
    expect(cls.chi2!.statistic).toBeGreaterThan(0);
    expect(performanceSignal(s)).toBeNull();
    const d = decidePerformance(s, config({}).thresholds);
    expect([d.f1_drop, d.alert]).toEqual([null, false]);
    expect(d.prediction_drift).toHaveLength(2);
  });

  it('the prediction drift does not depend on the labels', async () => {
    const withLabels = await run(REF, PROD, { ...columns, label_column: 'y' });
    const without = await run(dropY(REF), dropY(PROD), { ...columns, label_column: null });
    expect(without.prediction_drift).toEqual(withLabels.prediction_drift);
  });

  it('a probability column alone: classes 0/1 by default, said in a warning', async () => {
    const only = (text: string) =>
      text
        .split('\n')
        .map((l) => l.split(',')[1] ?? '')
        .join('\n');
    const s = await run(only(REF), only(PROD), { probability_column: 'proba', label_column: null });
    expect(s.classes).toEqual(['0', '1']);
    expect(s.positive_class_reason).toMatch(/classes from default 0\/1/);
    expect(s.warnings).toContain(
      'no label or prediction column names the classes: data.probability_column "proba" is taken as the probability of class "1"',
    );
    expect(s.prediction_drift.map((d) => d.name)).toEqual(['prediction:probability', 'prediction:class']);
  });
});

describe('analysePerformance with labels in one file only', () => {
  it('labels in the reference, an empty column in production: measured baseline, CBPE estimate', async () => {
    const s = await run(REF, PROD, { ...columns, label_column: 'y' });
    expect(s.note).toBeNull();
    expect(s.baseline!.rows).toBe(4);
    expect(s.production!.estimated).toBe(true);
    expect(s.warnings.some((w) => w.includes('(production labels not available yet)'))).toBe(true);
    expect(performanceSignal(s)!.estimated).toBe(true);
  });

  it('a 4-row labelled reference: the estimate is flagged unreliable, with the row counts in the reasons', async () => {
    const s = await run(REF, PROD, { ...columns, label_column: 'y' });
    const est = s.production!;
    if (!est.estimated) throw new Error('expected an estimate');
    expect(est.estimate_reliable).toBe(false);
    expect(est.reliability_reasons).toContain('only 4 labelled reference rows: the calibration needs at least 500');
    expect(est.reliability_reasons).toContain('only 1 labelled reference rows of the rarer class: the calibration needs at least 50');
    // Reference labels 0, 0, 1, 0: positive share 1/4, carried into the label-shift-adjusted estimate.
    expect(est.label_shift_adjusted!.reference_positive_share).toBe(0.25);
  });

  it('labels in production only: no baseline, production measured, a note; no F1-drop signal', async () => {
    const prodLabelled = 'pred,proba,y\n1,0.8,1\n1,0.85,0\n1,0.9,1\n1,0.95,1\n0,0.3,0\n';
    const refEmpty = REF.replace(/,[01]\n/g, ',\n');
    const s = await run(refEmpty, prodLabelled, { ...columns, label_column: 'y' });
    expect(s.baseline).toBeNull();
    expect(s.note).toBe(
      'reference.csv has no labels in "y": no baseline metrics, no F1-drop alert and no label-free estimate (they need labelled reference rows)',
    );
    expect(s.production!.estimated).toBe(false);
    expect(s.production!.accuracy).toBe(4 / 5); // predictions 1,1,1,1,0 vs labels 1,0,1,1,0: 4 of 5 right
    expect(performanceSignal(s)).toBeNull();
  });
});

describe('analysePerformance with an ONNX model and no label column', () => {
  it('logistic_plain: both files scored, the same prediction drift as the labelled run, classes from the model', async () => {
    const [reference, production] = await fixtureTables();
    const kernels = await loadKernels();
    const e = expected.models.logistic_plain;
    const runner = await loadModel('logistic_plain');
    try {
      const args = { reference, production, kernels, runner, modelFile: e.file };
      const without = await analysePerformance({
        ...args,
        config: config({ data: { label_column: null }, columns: { drop: ['y', 'kind'] } }),
      });
      const labelled = await analysePerformance({
        ...args,
        config: config({ data: { label_column: e.label_column }, columns: { drop: ['kind'] } }),
      });
      expect(without!.baseline).toBeNull();
      expect(without!.production).toBeNull();
      expect(without!.classes).toEqual(e.classes);
      expect(without!.positive_class).toBe(e.positive_class);
      // A MatMul + Sigmoid graph has no class labels: its one column is P(class "1").
      expect(without!.positive_class_reason).toMatch(/classes from output "probability" \(one column: P\(class "1"\)\)$/);
      expect(without!.class_mapping).toMatch(
        /^output "probability" has one column and no class labels: it is the probability of class "1", class "0" gets 1 - p/,
      );
      expect(without!.prediction_drift).toEqual(labelled!.prediction_drift);
    } finally {
      await runner.release();
    }
  });
});

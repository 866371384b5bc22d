/**
 * Real ONNX models (tests/fixtures/onnx, scripts/make_onnx_fixtures.py) through the real
 * onnxruntime-web in Node, no mocks. Expected values: python onnxruntime 1.30 predictions (checked there
 * against sklearn's predict_proba to 1e-5) and scikit-learn 1.9.1 metrics on them.
 */
import { describe, expect, it } from 'vitest';
import { analysePerformance } from '../../src/core/performance.ts';
import { scoreTable } from '../../src/core/model/scoreTable.ts';
import { loadKernels } from '../../src/kernels/loadKernels.ts';
import { config, expected, fixtureTables, loadModel } from './helpers.ts';

// Metrics are ratios of counts, so 1e-9 covers division and summation order.
const METRIC_TOL = 1e-9;
// onnxruntime-web and python onnxruntime agree to the last float32 bit or so (stack-probe.md section 3);
// float32 has 2^-24 ~ 6e-8 relative precision.
const PROBA_TOL = 1e-6;

const MODELS = ['logistic_plain', 'linear', 'linear_zipmap', 'forest', 'forest_zipmap', 'pipeline_strings'] as const;

describe('scoreTable(runner, table, options) with onnxruntime-web in Node', () => {
  for (const name of MODELS) {
    it(`${name}: probabilities and predicted classes equal python onnxruntime's`, async () => {
      const [reference, production] = await fixtureTables();
      const e = expected.models[name];
      const runner = await loadModel(name);
      for (const [side, t] of [
        ['reference', reference],
        ['production', production],
      ] as const) {
        const p = await scoreTable(runner, t, {
          file: e.file,
          features: name === 'logistic_plain' ? null : expected.features,
          exclude: ['y', 'kind'],
          batchRows: 128,
        });
        expect(p.classes).toEqual(e.classes);
        const run = e.runs[side];
        const wantPred = run.probabilities ? run.predicted : run.label_output!;
        expect(Array.from(p.predicted, (i) => p.classes[i])).toEqual(wantPred);
        if (run.probabilities) {
          const k = e.classes.length;
          let worst = 0;
          run.probabilities.forEach((row, i) => row.forEach((v, c) => (worst = Math.max(worst, Math.abs(p.proba![i * k + c] - v)))));
          expect(worst).toBeLessThan(PROBA_TOL);
        } else {
          expect(p.proba).toBeNull();
          expect(p.warnings[0]).toMatch(/ZipMap.*zipmap': False/);
        }
      }
      await runner.release();
    });
  }
});

describe('analysePerformance(args) metrics match scikit-learn on the model outputs', () => {
  for (const name of MODELS) {
    it(`${name}: baseline and production metrics to 1e-9`, async () => {
      const [reference, production] = await fixtureTables();
      const e = expected.models[name];
      const runner = await loadModel(name);
      const stats = await analysePerformance({
        reference,
        production,
        config: config({
          data: { label_column: e.label_column },
          model: { features: name === 'logistic_plain' ? null : expected.features },
        }),
        kernels: await loadKernels(),
        runner,
        modelFile: e.file,
      });
      expect(stats!.positive_class).toBe(e.positive_class);
      for (const [side, m] of [
        ['reference', stats!.baseline],
        ['production', stats!.production],
      ] as const) {
        const want = e.runs[side].metrics;
        if (!m || m.estimated) throw new Error('expected measured metrics');
        expect(m.rows).toBe(e.runs[side].labelled_rows);
        for (const key of [
          'accuracy',
          'precision',
          'recall',
          'f1',
          'f1_macro',
          'f1_weighted',
          'precision_weighted',
          'recall_macro',
        ] as const) {
          expect(Math.abs(m[key] - (want[key] as number)), `${side} ${key}`).toBeLessThan(METRIC_TOL);
        }
        if (want.roc_auc === null) expect(m.roc_auc).toBeNull();
        else expect(Math.abs(m.roc_auc! - (want.roc_auc as number))).toBeLessThan(METRIC_TOL);
        expect(m.confusion_matrix).toEqual(want.confusion_matrix);
        for (const r of m.per_class) expect(Math.abs(r.f1 - want.per_class[r.class]['f1-score'])).toBeLessThan(METRIC_TOL);
      }
      const names = stats!.prediction_drift.map((d) => d.name);
      expect(names).toEqual(e.runs.reference.probabilities ? ['prediction:probability', 'prediction:class'] : ['prediction:class']);
      await runner.release();
    });
  }
});

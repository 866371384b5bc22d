/**
 * `drift-monitor --model`: the built CLI with real ONNX models through onnxruntime-web.
 * Demo pair + public/demo/model.onnx (scripts/make_demo_model.py; F1 values printed by that script,
 * scikit-learn 1.9.1 on python onnxruntime's probabilities); fixture pair + tests/fixtures/onnx models.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';
import { schema, validate } from '../helpers/reportSchema.ts';

const DEMO = join(ROOT, 'public/demo');
const FIX = join(ROOT, 'tests/fixtures/onnx');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'));

function report(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report;
}

/** Copies a comma-separated file (no quoted cells) to `dest` with the column `name` left out, or emptied. */
function editColumn(src: string, dest: string, name: string, how: 'drop' | 'empty'): string {
  const lines = readFileSync(src, 'utf8').trimEnd().split('\n');
  const at = lines[0].split(',').indexOf(name);
  if (at < 0) throw new Error(`${src} has no column ${name}`);
  const out = lines.map((l, row) => {
    const cells = l.split(',');
    if (how === 'drop') cells.splice(at, 1);
    else if (row > 0) cells[at] = '';
    return cells.join(',');
  });
  writeFileSync(dest, out.join('\n') + '\n');
  return dest;
}

describe('drift-monitor --model file.onnx', () => {
  it('demo pair: performance section, prediction drift and the drift verdict', () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    const r = runCli([
      '-r',
      join(DEMO, 'reference.csv'),
      '-p',
      join(DEMO, 'production.csv'),
      '-l',
      'churned',
      '--model',
      join(DEMO, 'model.onnx'),
      '-o',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(validate(schema, report(out))).toEqual([]);
    const p = report(out).performance!;
    expect(p.source).toMatch(/^model model\.onnx: 9 inputs/);
    expect(p.positive_class).toBe('1');
    // scripts/make_demo_model.py: f1_score on the same predictions (reference 0.5292662819455894, production 0.4697508896797153): the demo's F1 drop.
    expect(Math.abs(p.baseline!.f1 - 0.5292662819455894)).toBeLessThan(1e-9);
    expect(p.production!.estimated).toBe(false);
    expect(Math.abs(p.production!.f1 - 0.4697508896797153)).toBeLessThan(1e-9);
    expect(Math.abs(p.f1_drop! - (0.5292662819455894 - 0.4697508896797153))).toBeLessThan(1e-9);
    expect(p.alert).toBe(true); // 0.0595 > the default thresholds.f1_drop 0.05
    expect(report(out).summary.reasons.map((x) => x.rule)).toContain('performance');
    expect(p.production!.accuracy).toBeLessThan(p.baseline!.accuracy - 0.05);
    expect(p.prediction_drift.map((d) => [d.name, d.drifted])).toEqual([
      ['prediction:probability', true],
      ['prediction:class', true],
    ]);
    expect(r.stdout).toMatch(/performance \(model model\.onnx/);
    expect(r.stdout).toMatch(/prediction drift: prediction:probability, prediction:class/);
    const scores = readFileSync(join(dir, 'r_scores.csv'), 'utf8');
    expect(scores).toMatch(/\nprediction:probability,numerical,/);
    expect(scores).toMatch(/\nperformance:f1,baseline,0\.529266/);
    expect(scores).toMatch(/\nperformance:f1_drop,drop,0\.0595/);
  });

  it('fixture pair: an F1 drop above thresholds.f1_drop raises the performance alert and --fail-on-drift exits 3', () => {
    const dir = tempDir();
    const cfg = join(dir, 'c.yaml');
    writeFileSync(
      cfg,
      'data:\n  label_column: y\nmodel:\n  features: [x0, x1, x2, x3]\nthresholds:\n  f1_drop: 0.02\n  drift_feature_fraction: 0.99\n  psi: 100\n',
    );
    const out = join(dir, 'r.json');
    const r = runCli([
      '-r',
      join(FIX, 'reference.csv'),
      '-p',
      join(FIX, 'production.csv'),
      '-c',
      cfg,
      '--model',
      join(FIX, 'forest.onnx'),
      '-o',
      out,
      '--fail-on-drift',
    ]);
    expect(r.stderr).toBe('');
    const rep = report(out);
    const want = expected.models.forest.runs;
    const drop = want.reference.metrics.f1 - want.production.metrics.f1;
    expect(Math.abs(rep.performance!.f1_drop! - drop)).toBeLessThan(1e-9);
    expect(rep.performance!.alert).toBe(true);
    expect(rep.summary.reasons.map((x) => x.rule)).toEqual(['performance']);
    expect(rep.summary.reasons[0].message).toBe(
      `F1 dropped by ${drop.toFixed(3)} (${want.reference.metrics.f1.toFixed(3)} -> ${want.production.metrics.f1.toFixed(3)}), more than 0.02`,
    );
    expect(rep.summary.overall_drift).toBe(true);
    expect(r.code).toBe(3);
  });

  it('production without labels: a label-free estimate marked estimated, with a band', () => {
    const dir = tempDir();
    const lines = readFileSync(join(FIX, 'production.csv'), 'utf8').trimEnd().split('\n');
    const yAt = lines[0].split(',').indexOf('y');
    writeFileSync(
      join(dir, 'p.csv'),
      lines
        .map((l) =>
          l
            .split(',')
            .filter((_, i) => i !== yAt)
            .join(','),
        )
        .join('\n') + '\n',
    );
    const out = join(dir, 'r.json');
    const r = runCli([
      '-r',
      join(FIX, 'reference.csv'),
      '-p',
      join(dir, 'p.csv'),
      '-l',
      'y',
      '--drop',
      'kind',
      '--model',
      join(FIX, 'logistic_plain.onnx'),
      '-o',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(validate(schema, report(out))).toEqual([]);
    const p = report(out).performance!;
    const est = p.production!;
    if (!est.estimated) throw new Error('expected an estimate');
    expect(est.method).toBe('CBPE');
    expect(est.f1_band![0]).toBeLessThanOrEqual(est.f1);
    expect(est.f1_band![1]).toBeGreaterThanOrEqual(est.f1);
    // The fixture reference has 300 labelled rows, too few to calibrate on: flagged, and said so.
    expect(est.estimate_reliable).toBe(false);
    expect(est.reliability_reasons).toContain('only 300 labelled reference rows: the calibration needs at least 500');
    expect(r.stdout).toMatch(/production {2}ESTIMATED \(CBPE, no labels, UNRELIABLE\)/);
    expect(r.stdout).toContain('    - only 300 labelled reference rows: the calibration needs at least 500');
    expect(report(out).warnings.some((w) => /label-free estimate \(CBPE\)/.test(w))).toBe(true);
  });

  it('a corrupt model file: exit 2 with one line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.onnx'), 'this is not a model');
    const r = runCli([
      '-r',
      join(DEMO, 'reference.csv'),
      '-p',
      join(DEMO, 'production.csv'),
      '-l',
      'churned',
      '--model',
      join(dir, 'bad.onnx'),
      '-o',
      join(dir, 'r.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: bad\.onnx: not a readable ONNX model \(.*\); export the model to \.onnx again \(see the README, "Models \(ONNX\)"\)\n$/,
    );
  });

  it('a model that fails at run time, or that onnxruntime cannot load: exit 2 with one line naming it', () => {
    const dir = tempDir();
    const args = [
      '-r',
      join(FIX, 'reference.csv'),
      '-p',
      join(FIX, 'production.csv'),
      '-l',
      'y',
      '--drop',
      'color,size,kind',
      '-o',
      join(dir, 'r.json'),
    ];
    const run = runCli([...args, '--model', join(FIX, 'reshape_fails.onnx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: reshape_fails\.onnx: onnxruntime failed to run the model on rows 1-300 of \S*reference\.csv \(.*reshaped.*\); fed input "input" \[300, 4\] float32 from the 4 numeric columns in file order \(set model\.features to choose\); check that the model runs [^\n]*\n$/,
    );
    const load = runCli([...args, '--model', join(FIX, 'type_mismatch.onnx')]);
    expect(load.code).toBe(2);
    expect(load.stderr).toMatch(
      /^error: type_mismatch\.onnx: onnxruntime cannot load this model \([^\n]*\); check the export and its opsets[^\n]*\n$/,
    );
  });

  it("a model with a fixed batch size of 3 gives the dynamic-batch model's metrics (200 production rows: last batch padded)", () => {
    const dir = tempDir();
    const args = ['-r', join(FIX, 'reference.csv'), '-p', join(FIX, 'production.csv'), '-l', 'y', '--drop', 'color,size,kind'];
    const r = runCli([...args, '--model', join(FIX, 'linear_batch3.onnx'), '-o', join(dir, 'r.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = report(join(dir, 'r.json')).performance!;
    expect(p.production!.f1).toBe(expected.models.linear.runs.production.metrics.f1);
    expect(p.baseline!.f1).toBe(expected.models.linear.runs.reference.metrics.f1);
  });

  it('prediction columns instead of a model give the same metrics as the model', () => {
    const dir = tempDir();
    const run = expected.models.linear.runs;
    for (const side of ['reference', 'production'] as const) {
      const lines = readFileSync(join(FIX, `${side}.csv`), 'utf8')
        .trimEnd()
        .split('\n');
      const rows = lines.map((l, i) =>
        i === 0 ? `${l},pred,proba` : `${l},${run[side].predicted[i - 1]},${run[side].probabilities[i - 1][1]}`,
      );
      writeFileSync(join(dir, `${side}.csv`), rows.join('\n') + '\n');
    }
    const cfg = join(dir, 'c.yaml');
    writeFileSync(
      cfg,
      'data:\n  label_column: y\n  prediction_column: pred\n  probability_column: proba\ncolumns:\n  drop: [pred, proba]\n',
    );
    const out = join(dir, 'r.json');
    const r = runCli(['-r', join(dir, 'reference.csv'), '-p', join(dir, 'production.csv'), '-c', cfg, '-o', out]);
    expect(r.stderr).toBe('');
    const p = report(out).performance!;
    expect(p.source).toBe('columns pred, proba');
    expect(Math.abs(p.baseline!.f1 - run.reference.metrics.f1)).toBeLessThan(1e-9);
    expect(Math.abs(p.production!.f1 - run.production.metrics.f1)).toBeLessThan(1e-9);
    // The CSV holds the probabilities as printed by Python (shortest round-trip), so AUC ranks are unchanged.
    expect(Math.abs(p.baseline!.roc_auc! - run.reference.metrics.roc_auc)).toBeLessThan(1e-9);
  });

  it('no label column at all: prediction drift only, no metrics, no estimate, a note; exit 0', () => {
    const dir = tempDir();
    const ref = editColumn(join(DEMO, 'reference.csv'), join(dir, 'reference.csv'), 'churned', 'drop');
    const prod = editColumn(join(DEMO, 'production.csv'), join(dir, 'production.csv'), 'churned', 'drop');
    const out = join(dir, 'r.json');
    const r = runCli(['-r', ref, '-p', prod, '--model', join(DEMO, 'model.onnx'), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = report(out);
    expect(validate(schema, rep)).toEqual([]);
    const p = rep.performance!;
    expect(p.label_column).toBeNull();
    expect(p.baseline).toBeNull();
    expect(p.production).toBeNull();
    expect(p.f1_drop).toBeNull();
    expect(p.alert).toBe(false);
    expect(p.note).toMatch(/^no label column: prediction drift only; .* need a label column \(--label COLUMN or data\.label_column/);
    // The positive class comes from the model's class labels (0, 1) and says so.
    expect(p.classes).toEqual(['0', '1']);
    expect(p.positive_class).toBe('1');
    expect(p.positive_class_reason).toBe("default: the class that means 1/true/yes; classes from the model's class labels");
    // The same predictions as the labelled run: the demo's prediction drift.
    expect(p.prediction_drift.map((d) => [d.name, d.drifted])).toEqual([
      ['prediction:probability', true],
      ['prediction:class', true],
    ]);
    expect(p.prediction_drift[0].ks!.statistic).toBeGreaterThan(0);
    expect(rep.summary.reasons.map((x) => x.rule)).not.toContain('performance');
    expect(r.stdout).toMatch(/performance \(model model\.onnx: .*; no label column\):/);
    expect(r.stdout).toMatch(/note: no label column: prediction drift only/);
    expect(r.stdout).toMatch(/prediction drift: prediction:probability, prediction:class/);
    const scores = readFileSync(join(dir, 'r_scores.csv'), 'utf8');
    expect(scores).toMatch(/\nprediction:probability,numerical,/);
    expect(scores).not.toMatch(/performance:/);
  });

  it("no label column: prediction drift equals the labelled run's (same scores, same tests)", () => {
    const dir = tempDir();
    const ref = editColumn(join(DEMO, 'reference.csv'), join(dir, 'reference.csv'), 'churned', 'drop');
    const prod = editColumn(join(DEMO, 'production.csv'), join(dir, 'production.csv'), 'churned', 'drop');
    const a = runCli(['-r', ref, '-p', prod, '--model', join(DEMO, 'model.onnx'), '-o', join(dir, 'a.json')]);
    const b = runCli([
      '-r',
      join(DEMO, 'reference.csv'),
      '-p',
      join(DEMO, 'production.csv'),
      '-l',
      'churned',
      '--model',
      join(DEMO, 'model.onnx'),
      '-o',
      join(dir, 'b.json'),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(report(join(dir, 'a.json')).performance!.prediction_drift).toEqual(report(join(dir, 'b.json')).performance!.prediction_drift);
  });

  for (const how of ['drop', 'empty'] as const) {
    it(`label only in the reference (production column ${how === 'drop' ? 'missing' : 'empty'}): production labels not available yet, the CBPE estimate`, () => {
      const dir = tempDir();
      const prod = editColumn(join(DEMO, 'production.csv'), join(dir, 'production.csv'), 'churned', how);
      const out = join(dir, 'r.json');
      const r = runCli(['-r', join(DEMO, 'reference.csv'), '-p', prod, '-l', 'churned', '--model', join(DEMO, 'model.onnx'), '-o', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const rep = report(out);
      expect(validate(schema, rep)).toEqual([]);
      const p = rep.performance!;
      expect(p.note).toBeNull();
      // scripts/make_demo_model.py: the measured reference F1.
      expect(Math.abs(p.baseline!.f1 - 0.5292662819455894)).toBeLessThan(1e-9);
      const est = p.production!;
      if (!est.estimated) throw new Error('expected an estimate');
      expect(est.method).toBe('CBPE');
      expect(p.f1_drop).not.toBeNull();
      expect(
        p.warnings.some((w) =>
          /no labels in "churned" \(production labels not available yet\): production performance is a label-free estimate \(CBPE\)/.test(
            w,
          ),
        ),
      ).toBe(true);
      expect(rep.features.map((f) => f.name)).not.toContain('churned');
      // The demo production has injected drift: the predicted positive share moves by 17 points, so
      // the estimate is flagged and the CLI says so before any number can be taken as confident.
      expect(est.estimate_reliable).toBe(false);
      expect(est.reliability_reasons.some((x) => x.startsWith('the share of rows predicted positive moved from'))).toBe(true);
      expect(r.stdout).toMatch(/production {2}ESTIMATED \(CBPE, no labels, UNRELIABLE\)/);
      expect(r.stdout).toContain('UNRELIABLE ESTIMATE: do not trust the estimated numbers');
    });
  }

  it('a non-label column in the reference only is still the column-mismatch error', () => {
    const dir = tempDir();
    const prod = editColumn(join(DEMO, 'production.csv'), join(dir, 'production.csv'), 'region', 'drop');
    const r = runCli([
      '-r',
      join(DEMO, 'reference.csv'),
      '-p',
      prod,
      '-l',
      'churned',
      '--model',
      join(DEMO, 'model.onnx'),
      '-o',
      join(dir, 'r.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /column "region" is in \S*reference\.csv but missing from \S*production\.csv; add it there or list it in columns\.drop\n$/,
    );
  });
});

/**
 * Retraining from the CLI (retraining.enabled): the built CLI on the demo pair (drifted, labelled
 * in "churned"), the challenger written to retraining.save_path, the audit log appended to
 * output.retrain_log_path, the saved model loaded back with --model.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { RETRAIN_LOG_COLUMNS } from '../../src/core/retrainLog/types.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';
import { schema, validate } from '../helpers/reportSchema.ts';

const DEMO = join(ROOT, 'public/demo');
const PAIR = ['-r', join(DEMO, 'reference.csv'), '-p', join(DEMO, 'production.csv'), '-l', 'churned'];

function config(dir: string, extra = ''): string {
  const path = join(dir, 'cfg.yaml');
  writeFileSync(path, `retraining:\n  enabled: true\n  save_path: model.onnx\n${extra}output:\n  retrain_log_path: logs/retrain_log.csv\n`);
  return path;
}

function report(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report;
}

describe('drift-monitor with retraining.enabled', () => {
  it('retrains on drift, saves the model, and the log only grows across runs', () => {
    const dir = tempDir();
    const cfg = config(dir);
    const out = join(dir, 'r.json');
    const logPath = join(dir, 'logs/retrain_log.csv');

    const first = runCli([...PAIR, '-c', cfg, '-o', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Retraining: retrained (logistic,');
    expect(first.stdout).toContain(`wrote model ${join(dir, 'model.onnx')}`);
    const r1 = report(out);
    expect(validate(schema, r1)).toEqual([]);
    const s1 = r1.retraining!;
    expect(s1.status).toBe('retrained');
    expect(s1.triggered).toBe(true);
    expect(s1.reasons.length).toBeGreaterThan(0);
    expect(s1.drifted_features).toEqual(r1.summary.drifted_features);
    expect(s1.champion).toBeNull(); // no --model: no champion, the challenger is promoted
    expect(s1.promoted).toBe(true);
    // 20% of the 5000 labelled production rows held out; the rest plus the 5000 reference rows train.
    expect(s1.rows).toEqual({ train: 9000, train_reference: 5000, train_production: 4000, holdout: 1000 });
    expect(s1.model_version).toMatch(/^[0-9a-f]{64}$/);
    expect(s1.save_path).toBe(join(dir, 'model.onnx'));
    const log1 = readFileSync(logPath);
    const lines1 = log1.toString('utf8').trimEnd().split('\n');
    expect(lines1[0]).toBe(RETRAIN_LOG_COLUMNS.join(','));
    expect(lines1).toHaveLength(2);

    // The saved model as the champion while retraining.save_path is that same file: refused
    // before any work (the run would replace the model it reads), the model untouched.
    const saved = readFileSync(join(dir, 'model.onnx'));
    const inPlace = runCli([...PAIR, '-c', cfg, '-o', out, '--model', join(dir, 'model.onnx')]);
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toBe(
      `error: retraining.save_path ${join(dir, 'model.onnx')} is the same file as the model (${join(dir, 'model.onnx')}); choose another output path\n`,
    );
    expect(readFileSync(join(dir, 'model.onnx')).equals(saved)).toBe(true);

    // Second run with a copy of the saved model as the champion (and the demo model in a third).
    copyFileSync(join(dir, 'model.onnx'), join(dir, 'champion.onnx'));
    const second = runCli([...PAIR, '-c', cfg, '-o', out, '--model', join(dir, 'champion.onnx')]);
    expect(second.code).toBe(0);
    const s2 = report(out).retraining!;
    expect(s2.champion!.version).toBe(s1.model_version);
    // The champion is the same model as the challenger (same data, same seed): equal scores on the
    // same held-out rows, so the champion is scored on exactly the challenger's rows.
    expect(s2.champion!.f1).toBe(s2.challenger!.f1);
    expect(s2.champion!.accuracy).toBe(s2.challenger!.accuracy);
    const third = runCli([...PAIR, '-c', cfg, '-o', out, '--model', join(DEMO, 'model.onnx')]);
    expect(third.code).toBe(0);
    expect(report(out).retraining!.champion!.file).toBe('model.onnx');

    const log3 = readFileSync(logPath);
    expect(log3.subarray(0, log1.length).equals(log1)).toBe(true); // earlier bytes untouched
    const lines3 = log3.toString('utf8').trimEnd().split('\n');
    expect(lines3).toHaveLength(4);
    expect(lines3[2]).toContain(s1.model_version!); // run 2's champion_version
  });

  it('the saved model loads with --model and scores the pair', () => {
    const dir = tempDir();
    expect(runCli([...PAIR, '-c', config(dir), '-o', join(dir, 'r.json')]).code).toBe(0);
    const out = join(dir, 'scored.json');
    const r = runCli([...PAIR, '--model', join(dir, 'model.onnx'), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = report(out).performance!;
    expect(p.source).toMatch(/^model model\.onnx: 9 inputs/);
    expect(p.baseline!.rows).toBe(5000);
    expect(p.production!.estimated).toBe(false);
    expect(p.production!.f1).toBeGreaterThan(0.3);
    expect(report(out).retraining).toBeNull(); // retraining.enabled is false by default
  });

  it('the same seed gives the same model bytes; another seed another model', () => {
    const bytes = (extra: string) => {
      const dir = tempDir();
      expect(runCli([...PAIR, '-c', config(dir, extra), '-o', join(dir, 'r.json')]).code).toBe(0);
      return readFileSync(join(dir, 'model.onnx'));
    };
    const a = bytes('  seed: 7\n');
    const b = bytes('  seed: 7\n');
    const c = bytes('  seed: 8\n');
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('without production labels: says why it cannot retrain, exits 0, writes nothing', () => {
    const dir = tempDir();
    const prodText = readFileSync(join(DEMO, 'production.csv'), 'utf8').trimEnd().split('\n');
    const noLabels = prodText.map((line, i) => (i === 0 ? line : line.replace(/,[^,]*$/, ','))).join('\n') + '\n';
    writeFileSync(join(dir, 'production.csv'), noLabels);
    const out = join(dir, 'r.json');
    const r = runCli(['-r', join(DEMO, 'reference.csv'), '-p', join(dir, 'production.csv'), '-l', 'churned', '-c', config(dir), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Retraining: cannot retrain: .*production\.csv has 0 labelled row\(s\) in "churned"/);
    const s = report(out).retraining!;
    expect(validate(schema, report(out))).toEqual([]);
    expect(s.status).toBe('cannot_retrain');
    expect(s.triggered).toBe(true);
    expect(s.challenger).toBeNull();
    expect(existsSync(join(dir, 'model.onnx'))).toBe(false);
    expect(existsSync(join(dir, 'logs/retrain_log.csv'))).toBe(false);
  });
});

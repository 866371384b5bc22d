/**
 * Retraining with `retraining.model_family: gradient_boosting` from the built CLI on the demo pair:
 * the challenger is a tree ensemble, the report and the log row say so, and the saved model loads
 * back with --model.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { RETRAIN_LOG_COLUMNS } from '../../src/core/retrainLog/types.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';

const DEMO = join(ROOT, 'public/demo');
const PAIR = ['-r', join(DEMO, 'reference.csv'), '-p', join(DEMO, 'production.csv'), '-l', 'churned'];

describe('drift-monitor with retraining.model_family: gradient_boosting', () => {
  it('trains trees, records the family, and the saved model loads with --model', () => {
    const dir = tempDir();
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(
      cfg,
      'retraining:\n  enabled: true\n  save_path: trees.onnx\n  model_family: gradient_boosting\noutput:\n  retrain_log_path: log.csv\n',
    );
    const out = join(dir, 'r.json');
    const first = runCli([...PAIR, '-c', cfg, '-o', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Retraining: retrained (gradient_boosting');
    const s = (JSON.parse(readFileSync(out, 'utf8')) as Report).retraining!;
    expect(s.status).toBe('retrained');
    expect(s.model_family).toBe('gradient_boosting');
    expect(s.challenger!.family).toBe('gradient_boosting');
    expect(s.challenger!.iterations).toBe(100); // trees grown
    expect(s.challenger!.f1).toBeGreaterThan(0.3);
    const log = readFileSync(join(dir, 'log.csv'), 'utf8').trimEnd().split('\n');
    expect(RETRAIN_LOG_COLUMNS).toContain('model_family');
    expect(log).toHaveLength(2);
    expect(log[1]).toContain(',gradient_boosting,'); // the row's model_family cell

    const scored = join(dir, 'scored.json');
    const second = runCli([...PAIR, '--model', join(dir, 'trees.onnx'), '-o', scored]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const p = (JSON.parse(readFileSync(scored, 'utf8')) as Report).performance!;
    expect(p.source).toMatch(/^model trees\.onnx: 9 inputs/);
    expect(p.production!.estimated).toBe(false);
    expect(p.production!.f1).toBeGreaterThan(0.3);

    // A third run with the trees as the champion scores it on the same held-out rows: the same
    // model, so exactly the challenger's scores. (A copy: retraining.save_path is trees.onnx, and
    // an output may not be an input.)
    copyFileSync(join(dir, 'trees.onnx'), join(dir, 'champion.onnx'));
    const third = runCli([...PAIR, '-c', cfg, '-o', out, '--model', join(dir, 'champion.onnx')]);
    expect(third.code).toBe(0);
    const s3 = (JSON.parse(readFileSync(out, 'utf8')) as Report).retraining!;
    expect(s3.champion!.f1).toBe(s3.challenger!.f1);
    expect(s3.champion!.version).toBe(s.model_version);
  });

  it('rejects an unknown family with one line naming the key', () => {
    const dir = tempDir();
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(cfg, 'retraining:\n  model_family: forest\n');
    const r = runCli([...PAIR, '-c', cfg]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/retraining\.model_family/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/**
 * The CLI never overwrites an input and never writes two outputs to one file: every output path
 * (report, scores, retrain log, saved model) is compared with every input (reference, production,
 * config, model) and with the other outputs before anything is read, following symlinks, "..",
 * hard links and, where the folder folds case, case. A refused run exits 2 with one "error:" line
 * and leaves every file as it was.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './runCli.ts';

const DEMO = join(ROOT, 'public/demo');

/** A small drifted pair (x shifts by +30, c changes mix; y is the label) in a fresh folder. */
function smallPair(): { dir: string; ref: string; prod: string } {
  const dir = tempDir('dm-safety-');
  const rows = (f: (i: number) => string) => ['x,c,y', ...Array.from({ length: 400 }, (_, i) => f(i))].join('\n') + '\n';
  const ref = join(dir, 'ref.csv');
  const prod = join(dir, 'prod.csv');
  writeFileSync(
    ref,
    rows((i) => `${(i * 7919) % 200},${['a', 'b', 'c'][i % 3]},${i % 2}`),
  );
  writeFileSync(
    prod,
    rows((i) => `${((i * 7919) % 200) + 30},${['a', 'a', 'c'][i % 3]},${i % 2}`),
  );
  return { dir, ref, prod };
}

/** The demo pair (labelled in "churned", drifted: retraining triggers) copied into a fresh folder. */
function demoPair(): { dir: string; ref: string; prod: string } {
  const dir = tempDir('dm-safety-');
  const ref = join(dir, 'reference.csv');
  const prod = join(dir, 'production.csv');
  copyFileSync(join(DEMO, 'reference.csv'), ref);
  copyFileSync(join(DEMO, 'production.csv'), prod);
  return { dir, ref, prod };
}

/** Exit 2, exactly one line on stderr starting "error:", naming each of `mentions`. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, ...mentions: string[]): string {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toContain('choose another');
  for (const m of mentions) expect(lines[0]).toContain(m);
  return lines[0];
}

/** Snapshot of a file's bytes, to compare after the run. */
function bytesOf(path: string): Buffer {
  return readFileSync(path);
}

/** Names in `dir` that look like leftover temporary files. */
function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}

describe('drift-monitor refuses an output that is an input or another output', () => {
  it('--out equal to the reference CSV', () => {
    const { dir, ref } = smallPair();
    const before = bytesOf(ref);
    const r = runCli(['-r', 'ref.csv', '-p', 'prod.csv', '-l', 'y', '--out', 'ref.csv'], dir);
    const line = expectRefused(r, '--out ref.csv', 'the reference CSV (ref.csv)');
    expect(line).toBe('error: --out ref.csv is the same file as the reference CSV (ref.csv); choose another output path');
    expect(bytesOf(ref).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['prod.csv', 'ref.csv']); // nothing written
  });

  it('--scores equal to the production CSV', () => {
    const { dir, ref, prod } = smallPair();
    const before = bytesOf(prod);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '-o', join(dir, 'r.json'), '--scores', prod], dir);
    expectRefused(r, `--scores ${prod}`, `the production CSV (${prod})`);
    expect(bytesOf(prod).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'r.json'))).toBe(false); // nothing written when one output is refused
  });

  it('-o and -s the same path', () => {
    const { dir, ref, prod } = smallPair();
    const out = join(dir, 'r.json');
    writeFileSync(out, 'an earlier report\n');
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '-o', out, '-s', out], dir);
    expectRefused(r, `--scores ${out}`, `--out (${out})`);
    expect(readFileSync(out, 'utf8')).toBe('an earlier report\n');
  });

  it('output.report_path equal to the config file', () => {
    const { dir, ref, prod } = smallPair();
    const cfg = join(dir, 'monitor.yaml');
    writeFileSync(cfg, 'data:\n  label_column: y\noutput:\n  report_path: monitor.yaml\n');
    const before = bytesOf(cfg);
    const r = runCli(['-r', ref, '-p', prod, '-c', cfg], dir);
    expectRefused(r, `output.report_path ${cfg}`, `the config file (${cfg})`);
    expect(bytesOf(cfg).equals(before)).toBe(true);
  });

  it('retraining.save_path equal to the production CSV', () => {
    const { dir, ref, prod } = demoPair();
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(cfg, 'retraining:\n  enabled: true\n  save_path: production.csv\n');
    const before = bytesOf(prod);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'churned', '-c', cfg, '-o', join(dir, 'r.json')], dir);
    expectRefused(r, `retraining.save_path ${prod}`, `the production CSV (${prod})`);
    expect(bytesOf(prod).equals(before)).toBe(true);
  });

  it('output.retrain_log_path equal to the model given with --model', () => {
    const { dir, ref, prod } = demoPair();
    const model = join(dir, 'model.onnx');
    copyFileSync(join(DEMO, 'model.onnx'), model);
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(cfg, 'retraining:\n  enabled: true\n  save_path: new.onnx\noutput:\n  retrain_log_path: model.onnx\n');
    const before = bytesOf(model);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'churned', '-c', cfg, '-m', model, '-o', join(dir, 'r.json')], dir);
    expectRefused(r, `output.retrain_log_path ${model}`, `the model (${model})`);
    expect(bytesOf(model).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'new.onnx'))).toBe(false);
  });

  it('--out a symlink to the reference CSV', () => {
    const { dir, ref, prod } = smallPair();
    symlinkSync(ref, join(dir, 'link.json'));
    const before = bytesOf(ref);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '--out', 'link.json'], dir);
    expectRefused(r, '--out link.json', `the reference CSV (${ref})`);
    expect(bytesOf(ref).equals(before)).toBe(true);
  });

  it('--out a symlinked folder + the reference name', () => {
    const { dir, ref, prod } = smallPair();
    symlinkSync(dir, join(dir, 'alias'));
    const before = bytesOf(ref);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '--out', 'alias/ref.csv'], dir);
    expectRefused(r, '--out alias/ref.csv', 'the reference CSV');
    expect(bytesOf(ref).equals(before)).toBe(true);
  });

  it('--out dir/../ref.csv', () => {
    const { dir, ref, prod } = smallPair();
    mkdirSync(join(dir, 'sub'));
    const before = bytesOf(ref);
    const r = runCli(['-r', 'ref.csv', '-p', prod, '-l', 'y', '--out', 'sub/../ref.csv'], dir);
    expectRefused(r, '--out sub/../ref.csv', 'the reference CSV (ref.csv)');
    expect(bytesOf(ref).equals(before)).toBe(true);
  });

  it('--scores a hard link to the production CSV', () => {
    const { dir, ref, prod } = smallPair();
    const hard = join(dir, 'hard.csv');
    linkSync(prod, hard);
    const before = bytesOf(prod);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '-o', join(dir, 'r.json'), '-s', hard], dir);
    expectRefused(r, `--scores ${hard}`, `the production CSV (${prod})`);
    expect(bytesOf(prod).equals(before)).toBe(true);
  });

  it('--out the reference name in other case: refused where the folder folds case, a new file where it does not', () => {
    const { dir, ref, prod } = smallPair();
    const before = bytesOf(ref);
    const foldsCase = existsSync(join(dir, 'REF.CSV'));
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '--out', 'REF.CSV'], dir);
    if (foldsCase) {
      expectRefused(r, '--out REF.CSV', 'the reference CSV');
    } else {
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'REF.CSV'), 'utf8')).summary.overall_drift).toBe(true);
    }
    expect(bytesOf(ref).equals(before)).toBe(true);
  });

  it('the default scores path (<report>_scores.csv) equal to the production CSV', () => {
    const { dir, ref } = smallPair();
    const prod = join(dir, 'r_scores.csv');
    copyFileSync(join(dir, 'prod.csv'), prod);
    const before = bytesOf(prod);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '-o', join(dir, 'r.json')], dir);
    expectRefused(r, 'the production CSV');
    expect(bytesOf(prod).equals(before)).toBe(true);
  });

  it('a fresh output beside the inputs still works, and no temporary file is left', () => {
    const { dir, ref, prod } = smallPair();
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '-o', join(dir, 'out/r.json')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'out/r.json'))).toBe(true);
    expect(existsSync(join(dir, 'out/r_scores.csv'))).toBe(true);
    expect(tempFiles(join(dir, 'out'))).toEqual([]);
    // Running again replaces both outputs (they are outputs, not inputs).
    const again = runCli(['-r', ref, '-p', prod, '-l', 'y', '-o', join(dir, 'out/r.json')], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(tempFiles(join(dir, 'out'))).toEqual([]);
  });
});

describe('drift-monitor checks the retrain log before it writes anything', () => {
  function retrainConfig(dir: string, logPath: string): string {
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(cfg, `retraining:\n  enabled: true\n  save_path: model.onnx\noutput:\n  retrain_log_path: ${logPath}\n`);
    return cfg;
  }

  it('an existing log with other columns: exit 2, no model, no report, the log untouched', () => {
    const { dir, ref, prod } = demoPair();
    const log = join(dir, 'retrain_log.csv');
    writeFileSync(log, 'timestamp,reason,pre_f1,post_f1\n2024-01-01,drift,0.8,0.9\n');
    const before = bytesOf(log);
    const r = runCli(['-r', ref, '-p', prod, '-l', 'churned', '-c', retrainConfig(dir, 'retrain_log.csv'), '-o', join(dir, 'r.json')], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*retrain_log\.csv has columns "timestamp,reason,pre_f1,post_f1"/);
    expect(existsSync(join(dir, 'model.onnx'))).toBe(false);
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
    expect(bytesOf(log).equals(before)).toBe(true);
  });

  it('a log folder that cannot be created (a file is in the way): exit 2, no model', () => {
    const { dir, ref, prod } = demoPair();
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder\n');
    const r = runCli(
      ['-r', ref, '-p', prod, '-l', 'churned', '-c', retrainConfig(dir, 'blocker/retrain_log.csv'), '-o', join(dir, 'r.json')],
      dir,
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*blocker/);
    expect(existsSync(join(dir, 'model.onnx'))).toBe(false);
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
    expect(statSync(join(dir, 'blocker')).isFile()).toBe(true);
  });

  it('an existing log is appended to across runs (it is an output that may already exist)', () => {
    const { dir, ref, prod } = demoPair();
    const cfg = retrainConfig(dir, 'retrain_log.csv');
    const args = ['-r', ref, '-p', prod, '-l', 'churned', '-c', cfg, '-o', join(dir, 'r.json')];
    expect(runCli(args, dir).code).toBe(0);
    const first = bytesOf(join(dir, 'retrain_log.csv'));
    expect(runCli(args, dir).code).toBe(0);
    const second = bytesOf(join(dir, 'retrain_log.csv'));
    expect(second.subarray(0, first.length).equals(first)).toBe(true);
    expect(second.toString('utf8').trimEnd().split('\n')).toHaveLength(3);
    expect(tempFiles(dir)).toEqual([]);
  });
});

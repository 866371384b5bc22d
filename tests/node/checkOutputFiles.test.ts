import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.ts';
import type { Config } from '../../src/core/config/types.ts';
import { checkOutputFiles } from '../../src/node/checkOutputFiles.ts';
import { inputFiles, outputFiles } from '../../src/node/outputFiles.ts';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'outputs-'));
}

function withRetraining(dir: string, save: string, log: string): Config {
  const config = structuredClone(DEFAULT_CONFIG) as Config;
  config.retraining.enabled = true;
  config.retraining.save_path = join(dir, save);
  config.output.retrain_log_path = join(dir, log);
  return config;
}

describe('outputFiles / checkOutputFiles', () => {
  it('lists the report, the scores, the model and the log, with the flag or key that chose each', () => {
    const dir = folder();
    const files = outputFiles(withRetraining(dir, 'm.onnx', 'log.csv'), { out: join(dir, 'r.json') });
    expect(files.map((f) => [f.key, f.role])).toEqual([
      ['report', '--out'],
      ['scores', 'the default scores path (<report>_scores.csv)'],
      ['model', 'retraining.save_path'],
      ['retrainLog', 'output.retrain_log_path'],
    ]);
    expect(files[1].path).toBe(join(dir, 'r_scores.csv'));
    expect(files[3].append).toBe(true);
    // Without retraining the model and log are not outputs; without report targets, no report.
    expect(outputFiles(DEFAULT_CONFIG).map((f) => f.key)).toEqual([]);
  });

  it('refuses the retrain log equal to the saved model, naming both keys', async () => {
    const dir = folder();
    const outputs = outputFiles(withRetraining(dir, 'same.bin', 'same.bin'));
    await expect(checkOutputFiles([], outputs)).rejects.toThrow(
      `output.retrain_log_path ${join(dir, 'same.bin')} is the same file as retraining.save_path (${join(dir, 'same.bin')}); choose another output path`,
    );
  });

  it('refuses an output that is an existing folder', async () => {
    const dir = folder();
    await expect(checkOutputFiles([], outputFiles(DEFAULT_CONFIG, { out: dir }))).rejects.toThrow(
      /^--out .* is a folder; choose another output path/,
    );
  });

  it('accepts distinct outputs beside the inputs and leaves the inputs alone', async () => {
    const dir = folder();
    const ref = join(dir, 'ref.csv');
    writeFileSync(ref, 'a\n1\n');
    const config = withRetraining(dir, 'm.onnx', 'log.csv');
    await expect(
      checkOutputFiles(inputFiles({ reference: ref }), outputFiles(config, { out: join(dir, 'r.json') })),
    ).resolves.toBeUndefined();
    expect(readFileSync(ref, 'utf8')).toBe('a\n1\n');
  });
});

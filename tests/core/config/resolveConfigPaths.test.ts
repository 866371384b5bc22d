import { describe, expect, it } from 'vitest';
import { posix, win32 } from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { isAbsolutePath, resolveConfigPaths } from '../../../src/core/config/resolveConfigPaths.ts';

describe('resolveConfigPaths(cfg, configDir, join)', () => {
  it('resolveConfigPaths joins relative *_path keys and model.path onto the config folder', () => {
    const cfg = defaultConfig();
    cfg.data.reference_path = 'data/ref.csv';
    cfg.data.production_path = '/abs/prod.csv';
    cfg.model.path = '../models/m.onnx';
    cfg.output.report_path = 'out/report.json';
    cfg.data.label_column = 'churn'; // not a path: untouched
    const resolved = resolveConfigPaths(cfg, '/project/config', posix.resolve);
    expect(resolved.data.reference_path).toBe('/project/config/data/ref.csv');
    expect(resolved.data.production_path).toBe('/abs/prod.csv');
    expect(resolved.model.path).toBe('/project/models/m.onnx');
    expect(resolved.output.report_path).toBe('/project/config/out/report.json');
    expect(resolved.output.scores_path).toBeNull();
    expect(resolved.retraining.save_path).toBeNull();
    expect(resolved.data.label_column).toBe('churn');
    expect(cfg.data.reference_path).toBe('data/ref.csv');
  });

  it('keeps Windows absolute paths', () => {
    const cfg = defaultConfig();
    cfg.data.reference_path = 'C:\\data\\ref.csv';
    cfg.data.production_path = 'prod.csv';
    const resolved = resolveConfigPaths(cfg, 'D:\\cfg', win32.join);
    expect(resolved.data.reference_path).toBe('C:\\data\\ref.csv');
    expect(resolved.data.production_path).toBe('D:\\cfg\\prod.csv');
  });

  it('isAbsolutePath(path) knows POSIX, drive-letter and UNC paths', () => {
    for (const p of ['/a', 'C:\\a', 'c:/a', '\\\\server\\share']) expect(isAbsolutePath(p), p).toBe(true);
    for (const p of ['a', './a', '../a', 'C:a']) expect(isAbsolutePath(p), p).toBe(false);
  });
});

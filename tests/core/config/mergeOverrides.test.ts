import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { mergeOverrides } from '../../../src/core/config/mergeOverrides.ts';

describe('mergeOverrides(cfg, partial)', () => {
  it('mergeOverrides deep-merges flags over a config and ignores undefined (flags not given)', () => {
    const cfg = defaultConfig();
    cfg.thresholds.psi = 0.3;
    cfg.columns.drop = ['a'];
    const merged = mergeOverrides(cfg, {
      data: { label_column: 'churned', reference_path: undefined },
      columns: { drop: ['b', 'c'] },
    });
    expect(merged.data.label_column).toBe('churned');
    expect(merged.thresholds.psi).toBe(0.3);
    expect(merged.columns.drop).toEqual(['b', 'c']);
    expect(cfg.data.label_column).toBeNull();
  });

  it('validates like a config file, with its own source name', () => {
    expect(() => mergeOverrides(defaultConfig(), { thresholds: { psi: -1 } })).toThrow(
      'command line: thresholds.psi must be at least 0, got -1',
    );
    expect(() => mergeOverrides(defaultConfig(), { output: { report: 'x' } } as never, '--out')).toThrow(
      '--out: unknown key "output.report"; did you mean "output.report_path"?',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import { parseConfig } from '../../../src/core/config/loadConfig.ts';
import { InputError } from '../../../src/core/errors.ts';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('parseConfig(yamlText, source)', () => {
  it('parseConfig of an empty file, or one with only comments, gives the defaults', () => {
    expect(parseConfig('', 'c.yaml')).toEqual(DEFAULT_CONFIG);
    expect(parseConfig('# nothing here\n\n', 'c.yaml')).toEqual(DEFAULT_CONFIG);
  });

  it('merges a partial file over the defaults, keeping the untouched keys', () => {
    const cfg = parseConfig(
      'data:\n  label_column: churned\n  delimiter: ";"\ncolumns:\n  drop: [customer_id, 2020]\nthresholds:\n  psi: 0.25\n',
      'c.yaml',
    );
    expect(cfg.thresholds).toEqual({ ...DEFAULT_CONFIG.thresholds, psi: 0.25 });
    expect(cfg.data.label_column).toBe('churned');
    expect(cfg.data.delimiter).toBe(';');
    expect(cfg.data.missing_values).toEqual(DEFAULT_CONFIG.data.missing_values);
    expect(cfg.columns.drop).toEqual(['customer_id', '2020']);
  });

  it('reads a hand-written example config with comments and aligned values', () => {
    const seed = `
data:
  reference_path:  "data/train.csv"
  production_path: "data/prod_batch.csv"
  label_column:    "churn"        # Set to null if no labels
columns:
  numerical:   []
  categorical: []
  drop:        ["customer_id"]
model:
  path:      "models/my_model.onnx"
  framework: "auto"
thresholds:
  ks_statistic:           0.10
  psi:                    0.20
  chi2_p_value:           0.05
  f1_drop:                0.05
  drift_feature_fraction: 0.30
retraining:
  enabled:    true
  save_path:  "models/retrained.onnx"
output:
  report_path:      "data/drift_report.json"
  retrain_log_path: "logs/retrain_log.csv"
`;
    const cfg = parseConfig(seed, 'seed.yaml');
    expect(cfg.data.reference_path).toBe('data/train.csv');
    expect(cfg.retraining.enabled).toBe(true);
    expect(cfg.columns.drop).toEqual(['customer_id']);
  });

  it('accepts `tab` and "\\t" for a tab delimiter, and a UTF-8 BOM', () => {
    expect(parseConfig('data:\n  delimiter: tab\n', 'c.yaml').data.delimiter).toBe('\t');
    expect(parseConfig('data:\n  delimiter: "\\t"\n', 'c.yaml').data.delimiter).toBe('\t');
    expect(parseConfig('\uFEFFthresholds:\n  psi: 0.3\n', 'c.yaml').thresholds.psi).toBe(0.3);
  });

  it('an empty section keeps its defaults', () => {
    expect(parseConfig('thresholds:\n  # psi: 0.3\n', 'c.yaml')).toEqual(DEFAULT_CONFIG);
  });

  it('reports invalid YAML with the line and column', () => {
    expect(errorOf(() => parseConfig('thresholds:\n  psi: [0.1,\n', 'my.yaml')).message).toMatch(
      /^my\.yaml: invalid YAML at line \d+, column \d+: \S/,
    );
    const dup = errorOf(() => parseConfig('thresholds:\n  psi: 0.1\n  psi: 0.2\n', 'my.yaml'));
    expect(dup.message).toBe('my.yaml: invalid YAML at line 3, column 3: Map keys must be unique');
    expect(dup.message).not.toContain('\n');
  });

  it('refuses custom tags and merge keys (no code, no surprises from YAML 1.1)', () => {
    expect(errorOf(() => parseConfig('data: !!python/object:os.system {}\n', 'c.yaml')).message).toMatch(
      /^c\.yaml: invalid YAML at line 1, column 7: /,
    );
    // With merge keys off, `<<` is an ordinary (and unknown) key.
    expect(errorOf(() => parseConfig('base: &b {psi: 0.3}\nthresholds:\n  <<: *b\n', 'c.yaml')).message).toMatch(
      /^c\.yaml: unknown key "base"/,
    );
  });

  it('a top-level list or scalar is an error, not the defaults', () => {
    expect(errorOf(() => parseConfig('- a\n- b\n', 'c.yaml')).message).toBe(
      'c.yaml: the config must be a mapping of sections (data:, columns:, thresholds:, ...), got a list',
    );
  });

  it('`__proto__: {polluted: true}` is rejected and never reaches Object.prototype', () => {
    for (const text of ['__proto__: {polluted: true}\n', 'thresholds:\n  __proto__:\n    polluted: true\n']) {
      const e = errorOf(() => parseConfig(text, 'evil.yaml'));
      expect(e.message).toMatch(/^evil\.yaml: key "(thresholds\.)?__proto__" is not allowed/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(errorOf(() => parseConfig('constructor: {prototype: {polluted: true}}\n', 'evil.yaml')).message).toBe(
      'evil.yaml: key "constructor" is not allowed; remove it',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

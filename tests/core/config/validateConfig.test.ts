import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import { parseConfig } from '../../../src/core/config/loadConfig.ts';
import { validateConfig } from '../../../src/core/config/validateConfig.ts';

const message = (yamlText: string) => {
  try {
    parseConfig(yamlText, 'cfg.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('validateConfig(raw, source)', () => {
  it('an unknown key names the full dotted key and suggests the closest valid one', () => {
    expect(message('thresholds:\n  ks_statistc: 0.1\n')).toBe(
      'cfg.yaml: unknown key "thresholds.ks_statistc"; did you mean "thresholds.ks_statistic"?',
    );
    expect(message('threshold:\n  psi: 0.1\n')).toBe('cfg.yaml: unknown key "threshold"; did you mean "thresholds"?');
    expect(message('data:\n  label: y\n')).toBe('cfg.yaml: unknown key "data.label"; did you mean "data.label_column"?');
  });

  it('a right name in the wrong section points to the right section', () => {
    expect(message('ks_statistic: 0.2\n')).toBe('cfg.yaml: unknown key "ks_statistic"; did you mean "thresholds.ks_statistic"?');
    expect(message('psi: 0.3\n')).toBe('cfg.yaml: psi must be a mapping (bins:, epsilon:), got number 0.3; did you mean "thresholds.psi"?');
    expect(message('data:\n  drop: [id]\n')).toBe('cfg.yaml: unknown key "data.drop"; did you mean "columns.drop"?');
  });

  it('with no close key, lists the valid keys of the section', () => {
    expect(message('output:\n  zzzzzzzzzz: 1\n')).toBe(
      'cfg.yaml: unknown key "output.zzzzzzzzzz"; valid keys in output: report_path, scores_path, retrain_log_path, html_path, history_path',
    );
  });

  it('a wrong type names the key, the expected type and what was given', () => {
    expect(message('thresholds:\n  psi: high\n')).toBe('cfg.yaml: thresholds.psi must be a number, got string "high"');
    expect(message('thresholds:\n  missing_share_change: "0.1"\n')).toBe(
      'cfg.yaml: thresholds.missing_share_change must be a number or null, got string "0.1"',
    );
    expect(message('psi:\n  bins: 2.5\n')).toBe('cfg.yaml: psi.bins must be an integer, got number 2.5');
    expect(message('retraining:\n  enabled: yes\n')).toBe('cfg.yaml: retraining.enabled must be true or false, got string "yes"');
    expect(message('columns:\n  drop: customer_id\n')).toBe(
      'cfg.yaml: columns.drop must be a list of strings (e.g. ["a", "b"]), got string "customer_id"',
    );
    expect(message('columns:\n  drop: [a, {b: 1}]\n')).toBe('cfg.yaml: columns.drop[1] must be a string, got a mapping');
    expect(message('data:\n  reference_path: 5\n')).toBe('cfg.yaml: data.reference_path must be a string or null, got number 5');
    expect(message('thresholds: 0.1\n')).toBe(
      'cfg.yaml: thresholds must be a mapping (ks_statistic:, psi:, chi2_p_value:, f1_drop:, drift_feature_fraction:, p_value_correction:, missing_share_change:, unseen_share:, out_of_range_share:, duplicate_share:, domain_auc:, wasserstein:, jensenshannon:, hellinger:, cvm_p_value:, anderson_p_value:, fisher_p_value:, min_effect:, label_drift:), got number 0.1',
    );
    expect(message('thresholds:\n  psi: .inf\n')).toBe('cfg.yaml: thresholds.psi must be a number, got number Infinity');
  });

  it('an out-of-range value names the key and the allowed range', () => {
    expect(message('thresholds:\n  chi2_p_value: 1.5\n')).toBe('cfg.yaml: thresholds.chi2_p_value must be between 0 and 1, got 1.5');
    expect(message('thresholds:\n  psi: -0.1\n')).toBe('cfg.yaml: thresholds.psi must be at least 0, got -0.1');
    expect(message('psi:\n  epsilon: 0\n')).toBe('cfg.yaml: psi.epsilon must be greater than 0 and less than 1, got 0');
    expect(message('psi:\n  bins: 0\n')).toBe('cfg.yaml: psi.bins must be between 1 and 1000, got 0');
    expect(message('columns:\n  max_categorical_unique: 0\n')).toBe('cfg.yaml: columns.max_categorical_unique must be at least 1, got 0');
    expect(message('profile:\n  max_exact_values: 0\n')).toBe('cfg.yaml: profile.max_exact_values must be at least 1, got 0');
    expect(message('profile:\n  max_exact_values: 1.5\n')).toBe('cfg.yaml: profile.max_exact_values must be an integer, got number 1.5');
    expect(message('profile:\n  sketch_k: 7\n')).toBe('cfg.yaml: profile.sketch_k must be between 8 and 65535, got 7');
    expect(message('profile:\n  sketch_k: 70000\n')).toBe('cfg.yaml: profile.sketch_k must be between 8 and 65535, got 70000');
  });

  it('an enum value outside its choices lists them', () => {
    expect(message('thresholds:\n  p_value_correction: bh\n')).toBe(
      'cfg.yaml: thresholds.p_value_correction must be one of "none", "bonferroni", "fdr_bh", got string "bh"',
    );
    expect(message('data:\n  delimiter: "|"\n')).toBe('cfg.yaml: data.delimiter must be one of "auto", ",", ";", "\\t", got string "|"');
  });

  it('data.encoding, data.decimal and data.thousands accept their choices and friendly spellings, and name the key otherwise', () => {
    const cfg = parseConfig('data:\n  encoding: cp1252\n  decimal: ","\n  thousands: space\n', 'cfg.yaml');
    expect([cfg.data.encoding, cfg.data.decimal, cfg.data.thousands]).toEqual(['windows-1252', ',', ' ']);
    expect(parseConfig('data:\n  encoding: UTF-16LE\n  decimal: .\n  thousands: "\'"\n', 'cfg.yaml').data).toMatchObject({
      encoding: 'utf-16le',
      decimal: '.',
      thousands: "'",
    });
    expect(parseConfig('data:\n  thousands: none\n', 'cfg.yaml').data.thousands).toBe('none');
    expect(message('data:\n  encoding: ebcdic\n')).toBe(
      'cfg.yaml: data.encoding must be one of "auto", "utf-8", "utf-16le", "utf-16be", "windows-1252", "latin1", got string "ebcdic"',
    );
    expect(message('data:\n  decimal: ";"\n')).toBe('cfg.yaml: data.decimal must be one of "auto", ".", ",", got string ";"');
    expect(message('data:\n  thousands: "_"\n')).toBe(
      'cfg.yaml: data.thousands must be one of "auto", ",", ".", " ", "\'", "none", got string "_"',
    );
  });

  it('accepts boundary values and numbers where a name is expected', () => {
    const cfg = parseConfig(
      'thresholds:\n  chi2_p_value: 0\n  ks_statistic: 1\nmodel:\n  positive_class: 1\ndata:\n  missing_values: ["", -999]\n',
      'cfg.yaml',
    );
    expect(cfg.thresholds.chi2_p_value).toBe(0);
    expect(cfg.thresholds.ks_statistic).toBe(1);
    expect(cfg.model.positive_class).toBe('1');
    expect(cfg.data.missing_values).toEqual(['', '-999']);
  });

  it('never mutates the base, and lists replace rather than concatenate', () => {
    const before = structuredClone(DEFAULT_CONFIG);
    const cfg = validateConfig({ data: { missing_values: ['-'] } }, 'x');
    expect(cfg.data.missing_values).toEqual(['-']);
    expect(DEFAULT_CONFIG).toEqual(before);
  });

  it('rejects prototype keys built in JS too, without polluting Object.prototype', () => {
    const raw = JSON.parse('{"thresholds": {"__proto__": {"polluted": true}}}');
    expect(() => validateConfig(raw, 'x')).toThrow('x: key "thresholds.__proto__" is not allowed; remove it');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configKeys } from '../../../src/core/config/configSpec.ts';
import { DEFAULT_CONFIG, defaultConfig } from '../../../src/core/config/defaults.ts';
import { parseConfig } from '../../../src/core/config/loadConfig.ts';

const yamlText = readFileSync(new URL('../../../config/default_config.yaml', import.meta.url), 'utf8');

function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix.slice(0, -1)];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix + k + '.'));
}

describe('DEFAULT_CONFIG', () => {
  it('equals config/default_config.yaml, key for key and in the same order', () => {
    const fromYaml = parse(yamlText);
    expect(fromYaml).toEqual(DEFAULT_CONFIG);
    expect(leafKeys(fromYaml)).toEqual(leafKeys(DEFAULT_CONFIG));
  });

  it('parseConfig(default_config.yaml) passes validation and gives the defaults', () => {
    expect(parseConfig(yamlText, 'config/default_config.yaml')).toEqual(DEFAULT_CONFIG);
  });

  it('has the documented defaults (thresholds, psi, max_categorical_unique, missing_values)', () => {
    expect(DEFAULT_CONFIG.thresholds).toEqual({
      ks_statistic: 0.1,
      psi: 0.2,
      chi2_p_value: 0.05,
      f1_drop: 0.05,
      drift_feature_fraction: 0.3,
      p_value_correction: 'none',
      missing_share_change: null,
      unseen_share: null,
      out_of_range_share: null,
      duplicate_share: null,
      domain_auc: 0.55,
    });
    expect(DEFAULT_CONFIG.psi).toEqual({ bins: 10, epsilon: 1e-4 });
    expect(DEFAULT_CONFIG.columns.max_categorical_unique).toBe(20);
    expect(DEFAULT_CONFIG.data.missing_values).toEqual(['', 'NA', 'NaN', 'null', '?']);
  });

  it('lists every spec key, and every key in the YAML carries a one-line comment', () => {
    // The thresholds of the tests a config may add have no default here (each test's own default
    // applies, so a config without them writes the same report); the YAML lists them as comments.
    const optional = [
      'wasserstein',
      'jensenshannon',
      'hellinger',
      'cvm_p_value',
      'anderson_p_value',
      'fisher_p_value',
      'min_effect',
      'label_drift',
    ];
    for (const key of optional) expect(yamlText).toMatch(new RegExp(`^  # ${key}: \\S+ +# \\S`, 'm'));
    // columns.tests is a mapping leaf whose default {} has no keys.
    const specLeaves = configKeys()
      .filter((k) => k.includes('.'))
      .filter((k) => k !== 'columns.tests' && !optional.some((o) => k === `thresholds.${o}`));
    expect(leafKeys(DEFAULT_CONFIG)).toEqual(specLeaves);
    for (const line of yamlText.split('\n')) {
      if (/^\s+\w+:\s*\S/.test(line)) expect(line, `comment missing on: ${line}`).toMatch(/\s#\s\S/);
    }
  });

  it('is frozen; defaultConfig() returns an independent mutable copy', () => {
    expect(Object.isFrozen(DEFAULT_CONFIG.thresholds)).toBe(true);
    const copy = defaultConfig();
    copy.thresholds.psi = 0.5;
    copy.data.missing_values.push('-');
    expect(DEFAULT_CONFIG.thresholds.psi).toBe(0.2);
    expect(DEFAULT_CONFIG.data.missing_values).toHaveLength(5);
  });
});

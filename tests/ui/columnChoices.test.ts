import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import { applyChoices, choicesFromConfig } from '../../src/ui/state/columnChoices.ts';
import { guessLabel } from '../../src/ui/state/guessLabel.ts';

const columns = ['id', 'age', 'plan', 'Churn'];

describe('choicesFromConfig(columns, config, label) and applyChoices(base, columns, choices)', () => {
  it('choicesFromConfig reads the overrides and drops of the config for the file columns', () => {
    const base = defaultConfig();
    base.columns.categorical = ['age', 'elsewhere'];
    base.columns.drop = ['id'];
    const c = choicesFromConfig(columns, base, 'Churn');
    expect(c.types).toEqual({ id: 'auto', age: 'categorical', plan: 'auto', Churn: 'auto' });
    expect(c.dropped).toEqual({ id: true, age: false, plan: false, Churn: false });
  });

  it('applyChoices writes label, types and drops, keeping config entries for columns the file lacks', () => {
    const base = defaultConfig();
    base.columns.categorical = ['age', 'elsewhere'];
    const config = applyChoices(base, columns, {
      label: 'Churn',
      types: { id: 'numerical', age: 'auto', plan: 'categorical', Churn: 'categorical' },
      dropped: { id: true, age: false, plan: false, Churn: true },
    });
    expect(config.data.label_column).toBe('Churn');
    // id is dropped and Churn is the label: neither gets a type, and the label is never dropped.
    expect(config.columns.numerical).toEqual([]);
    expect(config.columns.categorical).toEqual(['elsewhere', 'plan']);
    expect(config.columns.drop).toEqual(['id']);
    expect(base.columns.categorical).toEqual(['age', 'elsewhere']); // the base config is not modified
  });
});

describe('guessLabel(columns, configured)', () => {
  it('guessLabel prefers the configured label, then common names case-insensitively, else null', () => {
    expect(guessLabel(columns, 'plan')).toBe('plan');
    expect(guessLabel(columns, 'missing')).toBe('Churn');
    expect(guessLabel(['a', 'b'], null)).toBeNull();
  });
});

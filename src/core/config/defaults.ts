/**
 * The default configuration, as a value the browser can use (it cannot read
 * config/default_config.yaml at runtime). tests/core/config/defaults.test.ts checks that this
 * object and the YAML file are equal, so the two never drift apart.
 */
import type { Config } from './types.ts';

export const DEFAULT_CONFIG: Readonly<Config> = deepFreeze({
  data: {
    reference_path: null,
    production_path: null,
    label_column: null,
    delimiter: 'auto',
    missing_values: ['', 'NA', 'NaN', 'null', '?'],
    encoding: 'auto',
    decimal: 'auto',
    thousands: 'auto',
    prediction_column: null,
    probability_column: null,
  },
  columns: {
    numerical: [],
    categorical: [],
    drop: [],
    max_categorical_unique: 20,
    tests: {},
  },
  tests: {
    numerical: ['ks', 'psi'],
    categorical: ['chi2', 'psi'],
    policy: 'default',
    large_sample_rows: 1000,
  },
  model: {
    path: null,
    framework: 'auto',
    features: null,
    positive_class: null,
  },
  thresholds: {
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
  },
  psi: {
    bins: 10,
    epsilon: 0.0001,
  },
  profile: {
    max_exact_values: 1_000_000,
    sketch_k: 200,
  },
  retraining: {
    enabled: false,
    save_path: null,
    data: 'reference+production',
    min_improvement: 0,
    seed: 42,
    model_family: 'logistic',
  },
  domain_classifier: {
    enabled: false,
    max_rows: 5000,
    seed: 42,
  },
  drift_impact: {
    max_rows: 2000,
    seed: 42,
  },
  output: {
    report_path: null,
    scores_path: null,
    retrain_log_path: null,
    html_path: null,
    history_path: null,
  },
  windows: {
    column: null,
    every: null,
    min_rows: 100,
    timezone: 'UTC',
    expected_variation: true,
  },
  alerts: {
    webhook_url: null,
  },
} satisfies Config);

/** A fresh, mutable copy of the defaults. */
export function defaultConfig(): Config {
  return structuredClone(DEFAULT_CONFIG) as Config;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

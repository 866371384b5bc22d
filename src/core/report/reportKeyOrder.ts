/**
 * The key order of the JSON report, as declared in report/types.ts. reportToJson writes keys in this
 * order whatever order the report object was built in; keys not listed here follow in insertion
 * order. Each registered test (stattests/registry.ts) adds its feature key (with its result keys) after
 * drift_score and its threshold key to settings.thresholds. tests/core/report/reportSchema.test.ts
 * checks that schema/report.schema.json lists its properties in the same order (reportKeyOrder(ALL_TESTS)).
 *
 * A shape is `true` (a leaf), an object of child shapes, or `[shape]` for a list of such items.
 */
import type { StatRegistry } from '../stattests/driftTest.ts';
import { STAT_TESTS, thresholdOrder } from '../stattests/registry.ts';

export type KeyShape = true | readonly [KeyShape] | { readonly [key: string]: KeyShape };

const FILE: KeyShape = { file: true, rows: true, columns: true };

const thresholdKeys = (tests: StatRegistry): KeyShape => ({
  ...Object.fromEntries(thresholdOrder(tests).map((t) => [t.threshold.key, true])),
  f1_drop: true,
  drift_feature_fraction: true,
  p_value_correction: true,
  missing_share_change: true,
  unseen_share: true,
  out_of_range_share: true,
  duplicate_share: true,
  domain_auc: true,
  min_effect: true,
  label_drift: true,
});

/** A test's block: its result keys, then p_value_adjusted, effect_size, negligible (p-value tests) and drifted (decide.ts). */
function testKeys(test: StatRegistry[number]): KeyShape {
  const keys = [
    ...test.resultKeys,
    ...(test.comparison === 'p_value' ? ['p_value_adjusted', 'effect_size', 'negligible'] : ['effect_size']),
    'drifted',
  ];
  return Object.fromEntries(keys.map((k) => [k, true]));
}

export const featureKeyOrder = (tests: StatRegistry = STAT_TESTS): KeyShape => ({
  name: true,
  type: true,
  type_reason: true,
  n: { reference: true, production: true },
  missing: { reference: true, production: true, reference_count: true, production_count: true, drifted: true },
  drift_score: true,
  ...Object.fromEntries(tests.map((t) => [t.reportKey, testKeys(t)])),
  approximate: { ks_statistic_bound: true, ks_p_value_range: true, psi_bin_share_bound: true },
  categories_only_in_production: true,
  categories_only_in_reference: true,
  error: true,
  drifted: true,
  flagged_by: true,
});

export const reportKeyOrder = (tests: StatRegistry = STAT_TESTS): KeyShape => ({
  schema_version: true,
  generated_at: true,
  tool: { name: true, version: true },
  data: { reference: FILE, production: FILE, label_column: true },
  settings: {
    thresholds: thresholdKeys(tests),
    psi: { bins: true, epsilon: true },
    max_categorical_unique: true,
    ks_method: true,
    chi2_correction: true,
  },
  summary: {
    features: true,
    numerical: true,
    categorical: true,
    drifted: true,
    drifted_fraction: true,
    drifted_features: true,
    max_psi: true,
    max_ks: true,
    overall_drift: true,
    reasons: [{ rule: true, message: true }],
  },
  features: [featureKeyOrder(tests)],
  skipped: [{ name: true, reason: true }],
  warnings: true,
  performance: true,
  retraining: {
    triggered: true,
    trigger: true,
    status: true,
    message: true,
    reasons: true,
    drifted_features: true,
    training_data: true,
    model_family: true,
    rows: { train: true, train_reference: true, train_production: true, holdout: true },
    champion: { version: true, f1: true, accuracy: true, file: true },
    challenger: { version: true, f1: true, accuracy: true, family: true, iterations: true, converged: true },
    min_improvement: true,
    promoted: true,
    decision: true,
    model_version: true,
    save_path: true,
    seed: true,
  },
  data_quality: {
    type_changes: [{ name: true, reference: true, production: true, reference_reason: true, production_reason: true }],
    unseen_categories: [{ name: true, count: true, production_values: true, share: true, categories: true, drifted: true }],
    unseen_overall_share: true,
    out_of_range: [
      {
        name: true,
        reference_min: true,
        reference_max: true,
        below: true,
        above: true,
        production_values: true,
        share: true,
        approximate: true,
        drifted: true,
      },
    ],
    constant_columns: [{ name: true, reference: true, production: true }],
    duplicates: {
      reference: { rows: true, duplicates: true, share: true },
      production: { rows: true, duplicates: true, share: true },
      ignored_columns: true,
      note: true,
      drifted: true,
    },
  },
  domain_classifier: {
    folds: true,
    max_rows: true,
    seed: true,
    rows: { reference: true, production: true },
    sampled: true,
    auc: true,
    auc_ci: true,
    importance: true,
    top_features: [{ name: true, importance: true }],
    note: true,
    ms: true,
    threshold: true,
    drifted: true,
  },
  drift_impact: {
    method: true,
    rows: true,
    sampled: true,
    max_rows: true,
    seed: true,
    features: [{ name: true, drift_score: true, importance: true, weighted: true }],
  },
  windows: [
    {
      index: true,
      label: true,
      source: true,
      start: true,
      end: true,
      file: true,
      rows: true,
      too_small: true,
      timestamp_missing: true,
      timestamp_unparsable: true,
      features: [WINDOW_FEATURE],
      drifted: true,
      drifted_fraction: true,
      overall_drift: true,
      reasons: true,
      // A window_feature or null (schema oneOf): its keys keep windowFeature's order.
      label_drift: true,
      prediction_drift: [WINDOW_FEATURE],
      performance: { estimated: true, f1: true, accuracy: true, f1_drop: true, alert: true, reliable: true, rows: true, f1_band: true },
    },
  ],
  windowing: {
    source: true,
    column: true,
    every: true,
    timezone: true,
    min_rows: true,
    timestamps: { missing: true, unparsable: true, unparsable_examples: true },
    windows: true,
    too_small: true,
    drifted_windows: true,
    first_drift: true,
    message: true,
    expected_variation: {
      window_rows: true,
      reference_windows: true,
      percentiles: true,
      features: [{ name: true, drift_score: SCORE_BAND, psi: SCORE_BAND }],
    },
    note: true,
  },
  label_drift: { column: true, feature: WINDOW_FEATURE, in_verdict: true },
});

const WINDOW_FEATURE: KeyShape = {
  name: true,
  type: true,
  drift_score: true,
  psi: true,
  p_value: true,
  drifted: true,
  flagged_by: true,
  outside_band: true,
  error: true,
};
const SCORE_BAND: KeyShape = { low: true, median: true, high: true };

export const FEATURE_KEY_ORDER: KeyShape = featureKeyOrder();
export const REPORT_KEY_ORDER: KeyShape = reportKeyOrder();

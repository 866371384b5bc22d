/**
 * The configuration, as the engine sees it after YAML parsing, validation and defaults
 * (config/default_config.yaml holds the defaults and a one-line comment per key). Sections: data, columns,
 * model, thresholds, psi, profile, retraining and output.
 */
import type { WindowsConfig } from '../windows/types.ts';

export type PValueCorrection = 'none' | 'bonferroni' | 'fdr_bh';

/**
 * The retraining challenger's family (retraining.model_family): the one name used in the config, the
 * trained model, the report and the retrain log. Older log rows and stored entries say
 * 'logistic_regression' for 'logistic'; readModelFamily (retrainLog/modelFamily.ts) maps them on import.
 */
export type ModelFamily = 'logistic' | 'gradient_boosting';

export interface Thresholds {
  /** KS D above this flags a numerical feature (strictly greater). */
  ks_statistic: number;
  /** PSI above this flags a feature (strictly greater) and raises the overall alert. */
  psi: number;
  /** chi-square p-value below this flags a categorical feature (strictly lower). */
  chi2_p_value: number;
  /** F1 drop (baseline - production) above this raises the performance alert. */
  f1_drop: number;
  /** Overall drift when drifted features / features is strictly greater than this. */
  drift_feature_fraction: number;
  /** Multiple-testing correction applied to the chi-square p-values before flagging. */
  p_value_correction: PValueCorrection;
  /** Flag a feature when |missing share production - missing share reference| exceeds this; null = off. */
  missing_share_change: number | null;
  /** Overall drift when a categorical feature's share of production values in categories unseen in the reference exceeds this; null = reported only. */
  unseen_share: number | null;
  /** Overall drift when a numerical feature's share of production values outside the reference's [min, max] exceeds this; null = reported only. */
  out_of_range_share: number | null;
  /** Overall drift when the share of duplicate rows in production exceeds this; null = reported only. */
  duplicate_share: number | null;
  /** Multivariate drift when the domain classifier's AUC is strictly above this (domain_classifier.enabled). */
  domain_auc: number;
  /*
   * The thresholds of the tests a config may add (stattests/registry.ts ALL_TESTS); absent = the test's
   * default (DriftTest.threshold.default), so a config without them writes the same report as before.
   */
  /** Normed Wasserstein distance above this flags (default 0.1). */
  wasserstein?: number;
  /** Jensen-Shannon distance above this flags (default 0.1). */
  jensenshannon?: number;
  /** Hellinger distance above this flags (default 0.1). */
  hellinger?: number;
  /** Cramér-von Mises p-value below this flags (default 0.05). */
  cvm_p_value?: number;
  /** Anderson-Darling p-value below this flags (default 0.05). */
  anderson_p_value?: number;
  /** Fisher exact p-value below this flags (default 0.05). */
  fisher_p_value?: number;
  /**
   * A p-value flag whose effect size (DriftTest.effect) is below this is "significant but negligible":
   * shown, left out of the verdict. Absent or null = off.
   */
  min_effect?: number | null;
  /** Target drift (report.label_drift) joins the verdict when true (default false: reported only). */
  label_drift?: boolean;
}

/** tests.policy: 'large_sample' swaps p-value tests for distances on columns with many reference values. */
export type TestPolicy = 'default' | 'large_sample';

export interface Config {
  data: {
    reference_path: string | null;
    production_path: string | null;
    label_column: string | null;
    /** 'auto' detects among ',', ';' and tab. */
    delimiter: 'auto' | ',' | ';' | '\t';
    /** Cell values (after trimming) that mean "missing". */
    missing_values: string[];
    /** Text encoding of both files; 'auto': byte-order mark, else UTF-8, else Windows-1252 (with a warning). */
    encoding: 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1';
    /** Decimal mark of numbers; 'auto' detects it per column (see README "Reading data"). */
    decimal: 'auto' | '.' | ',';
    /** Thousands separator of numbers; 'auto' accepts any but the decimal mark, 'none' accepts none. */
    thousands: 'auto' | ',' | '.' | ' ' | "'" | 'none';
    prediction_column: string | null;
    probability_column: string | null;
  };
  columns: {
    numerical: string[];
    categorical: string[];
    drop: string[];
    /** Numbers with more distinct values than this are numerical (default 20). */
    max_categorical_unique: number;
    /** Per-column choice of tests (ids of stattests/registry.ts ALL_TESTS), overriding `tests`. */
    tests: Record<string, string[]>;
  };
  /** Which drift tests run on which columns (stattests/testChoice.ts). */
  tests: {
    /** Tests of numerical columns (default ks, psi). */
    numerical: string[];
    /** Tests of categorical columns (default chi2, psi). */
    categorical: string[];
    policy: TestPolicy;
    /** large_sample: columns with more reference values than this get distances (default 1000, as Evidently). */
    large_sample_rows: number;
  };
  model: {
    path: string | null;
    framework: 'auto' | 'onnx';
    features: string[] | null;
    positive_class: string | null;
  };
  thresholds: Thresholds;
  psi: {
    /** Number of reference-quantile bins for numerical PSI (default 10). */
    bins: number;
    /** Floor applied to bin proportions before the log (default 1e-4). */
    epsilon: number;
  };
  profile: {
    /** Distinct numbers per column kept exact in a profile; past this the column goes to a KLL sketch (default 1,000,000). */
    max_exact_values: number;
    /** The KLL sketch's k (8..65535, default 200: normalized rank error 1.65% at 99% confidence). */
    sketch_k: number;
  };
  retraining: {
    enabled: boolean;
    save_path: string | null;
    data: 'reference+production' | 'production';
    min_improvement: number;
    seed: number;
    /** The challenger's family: regularised logistic regression (default) or gradient-boosted trees. */
    model_family: ModelFamily;
  };
  domain_classifier: {
    /** Train the domain classifier (multivariate drift); needs rows, so absent in profile runs. */
    enabled: boolean;
    /** Rows sampled at most per file (seeded). */
    max_rows: number;
    /** Seeds the row sample and the folds. */
    seed: number;
  };
  drift_impact: {
    /** Reference rows scored at most for the permutation importance (seeded sample). */
    max_rows: number;
    seed: number;
  };
  output: {
    report_path: string | null;
    scores_path: string | null;
    retrain_log_path: string | null;
    /** Self-contained offline HTML report; null = do not write (--html overrides it). */
    html_path: string | null;
    /** Append a run summary (JSON Lines, src/core/windows/history.ts) here; null = do not. */
    history_path: string | null;
  };
  /** Monitoring over time (src/core/windows/types.ts WindowsConfig); every: null = windows off. */
  windows: WindowsConfig;
  /** Alerts (CLI only): POST a JSON summary here when the verdict is drift; null = off. */
  alerts: { webhook_url: string | null };
}

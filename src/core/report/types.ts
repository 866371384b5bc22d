/**
 * The drift report: what the CLI writes as JSON and the dashboard shows and downloads.
 * Its JSON Schema is published in schema/report.schema.json; bump SCHEMA_VERSION on any breaking change.
 */
import type { ModelFamily, Thresholds } from '../config/types.ts';
import type { ClassificationMetrics } from '../metrics/classificationMetrics.ts';
import type { PerformanceEstimate } from '../metrics/estimatePerformance.ts';
import type { LabelDriftReport, WindowResult, WindowingReport } from '../windows/types.ts';

export const SCHEMA_VERSION = '1.0.0';

export type FeatureType = 'numerical' | 'categorical';
export type KsMethod = 'exact' | 'asymp';

/** The report's ks block (numerical features). */
export interface KsStats {
  statistic: number;
  p_value: number;
  method: KsMethod;
}

/** The report's chi2 block (categorical features). */
export interface Chi2Stats {
  statistic: number;
  p_value: number;
  dof: number;
}

/** The report's psi block. */
export interface PsiStats {
  value: number;
  epsilon: number;
  /**
   * Numerical: the configured number of quantile bins (psi.bins) and the inner edges used (outer
   * edges are -inf/+inf; reference_counts has edges.length + 1 bins). A value on which the reference
   * quantiles collapse is listed twice in `edges`, bounding its own bin [v, v], and in `point_masses`.
   */
  bins?: number;
  edges?: number[];
  point_masses?: number[];
  /** Categorical: the bins are these categories (union of both files, sorted). */
  categories?: string[];
  reference_counts: number[];
  production_counts: number[];
}

interface FeatureStatsBase {
  name: string;
  type_reason: string;
  /** Non-missing values used by the tests. */
  n: { reference: number; production: number };
  missing: {
    /** Share of rows (0-1) missing in each file. */
    reference: number;
    production: number;
    reference_count: number;
    production_count: number;
  };
  /** Largest share of probability mass that moved: KS D (numerical) or total variation distance (categorical). */
  drift_score: number | null;
  /** Set when a test could not run (e.g. no values left after dropping missing ones). */
  error: string | null;
}

/**
 * The statistics of one feature: computed once per run, independent of thresholds. One key per
 * registered test (stattests/registry.ts), null where the test does not apply or could not run; the
 * column kind decides which tests apply, so `type` narrows them.
 */
export type FeatureStats = NumericalFeatureStats | CategoricalFeatureStats;

/**
 * How far a numerical feature's results may be from the raw files' when a side is a profile sketch
 * (stattests/approximate.ts derives each bound). Absent when both sides are exact.
 */
export interface ApproximateStats {
  /** |KS D - D of the raw samples| <= this: the sum of both sides' rank error bounds. */
  ks_statistic_bound: number;
  /** The KS p-values at D + bound and D - bound (clamped to [0, 1]): the raw p-value lies in between. */
  ks_p_value_range: [number, number];
  /** Each PSI bin share of a sketched side is within this of the raw sample's share of that bin. */
  psi_bin_share_bound: number;
}

export interface NumericalFeatureStats extends FeatureStatsBase {
  type: 'numerical';
  ks: KsStats | null;
  chi2: null;
  psi: PsiStats | null;
  /** Present only when a side is a profile sketch: the results are approximate within these bounds. */
  approximate?: ApproximateStats;
  categories_only_in_production?: never;
  categories_only_in_reference?: never;
}

export interface CategoricalFeatureStats extends FeatureStatsBase {
  type: 'categorical';
  ks: null;
  chi2: Chi2Stats | null;
  psi: PsiStats | null;
  approximate?: never;
  /** Categories seen in one file but not the other (at most 20 each). */
  categories_only_in_production?: string[];
  categories_only_in_reference?: string[];
}

/** A registered test's id (the built-in ones, or a test registered at run time) or the missing-share rule. */
export type FlagRule = 'ks' | 'psi' | 'chi2' | 'missing_share' | (string & {});

interface FeatureDecision {
  drifted: boolean;
  /** The rules that flagged this feature. */
  flagged_by: FlagRule[];
  missing: FeatureStatsBase['missing'] & { drifted: boolean };
}

/**
 * What decide adds to a distance test's result: its effect size (DriftTest.effect: KS D, PSI, the
 * distance itself; null for a registered test without one) and the flag.
 */
export interface DistanceDecision {
  effect_size: number | null;
  drifted: boolean;
}

/**
 * What decide adds to a p-value test's result: the corrected p-value, the effect size (chi-square:
 * Cramér's V; Cramér-von Mises and Anderson-Darling: KS D), whether the flag is "significant but
 * negligible" (p below its threshold, effect below thresholds.min_effect: not flagged) and the flag.
 */
export interface PValueDecision {
  p_value_adjusted: number;
  effect_size: number | null;
  negligible: boolean;
  drifted: boolean;
}

export interface NumericalFeatureReport extends Omit<NumericalFeatureStats, 'ks' | 'psi' | 'missing'>, FeatureDecision {
  ks: (KsStats & DistanceDecision) | null;
  psi: (PsiStats & DistanceDecision) | null;
}

export interface CategoricalFeatureReport extends Omit<CategoricalFeatureStats, 'chi2' | 'psi' | 'missing'>, FeatureDecision {
  chi2: (Chi2Stats & PValueDecision) | null;
  psi: (PsiStats & DistanceDecision) | null;
}

/** A feature's statistics with its flags (decide.ts). */
export type FeatureReport = NumericalFeatureReport | CategoricalFeatureReport;

export type VerdictRule =
  | 'drift_feature_fraction'
  | 'psi'
  | 'performance'
  | 'unseen_share'
  | 'out_of_range_share'
  | 'duplicate_share'
  | 'domain_auc'
  /** Target drift joins the verdict (thresholds.label_drift: true). */
  | 'label_drift';

export interface Summary {
  features: number;
  numerical: number;
  categorical: number;
  drifted: number;
  drifted_fraction: number;
  drifted_features: string[];
  max_psi: number | null;
  max_ks: number | null;
  overall_drift: boolean;
  /** The verdict rules that fired, each with a one-line explanation. Empty when there is no drift. */
  reasons: { rule: VerdictRule; message: string }[];
}

export interface SkippedColumn {
  name: string;
  reason: string;
}

export interface Report {
  schema_version: string;
  generated_at: string;
  tool: { name: 'drift-monitor'; version: string };
  data: {
    reference: { file: string; rows: number; columns: number };
    production: { file: string; rows: number; columns: number };
    label_column: string | null;
  };
  settings: {
    thresholds: Thresholds;
    psi: { bins: number; epsilon: number };
    max_categorical_unique: number;
    ks_method: string;
    chi2_correction: false;
  };
  summary: Summary;
  features: FeatureReport[];
  skipped: SkippedColumn[];
  warnings: string[];
  /** Model performance (baseline vs production) and prediction drift; null when no model or prediction columns. */
  performance: PerformanceReport | null;
  /** Retraining outcome (src/core/retraining.ts); null when retraining.enabled is false and nothing asked for it. */
  retraining: RetrainingReport | null;
  /** Data quality (type changes, unseen categories, out-of-range values, constant columns, duplicate rows); null when not computed. */
  data_quality: DataQualityReport | null;
  /** Multivariate drift by a domain classifier; null when domain_classifier.enabled is false. */
  domain_classifier: DomainClassifierReport | null;
  /** Drift scores weighted by the model's permutation importance; null without a model. */
  drift_impact: DriftImpactStats | null;
  /** One result per production window in order (src/core/windows/); absent when windows are off, so reports without windows are unchanged. */
  windows?: WindowResult[];
  /** How the windows were made, the first drifting window and the expected-variation band; absent when windows are off. */
  windowing?: WindowingReport;
  /** Target drift: the label column tested like a feature; absent without a label column in both files or when not asked for. */
  label_drift?: LabelDriftReport;
}

/** Why retraining did or did not produce a challenger. */
export type RetrainingStatus = 'not_triggered' | 'retrained' | 'cannot_retrain';

/** The metrics of one model on the held-out production rows. */
export interface HoldoutScore {
  /** Model version: SHA-256 hex of the ONNX bytes (null when unknown). */
  version: string | null;
  f1: number;
  accuracy: number;
}

/** The report's `retraining` section: whether it ran, why, and the champion/challenger decision. */
export interface RetrainingReport {
  triggered: boolean;
  /** 'auto' (drift / performance alert after an analysis) or 'manual' ("Retrain now"). */
  trigger: 'auto' | 'manual';
  status: RetrainingStatus;
  /** What happened, one line (also printed by the CLI). */
  message: string;
  /** The trigger reasons (the verdict's reasons and the performance alert); empty when not triggered. */
  reasons: string[];
  drifted_features: string[];
  /** retraining.data */
  training_data: 'reference+production' | 'production';
  /** retraining.model_family: the family the challenger is (or would be) trained as. */
  model_family: ModelFamily;
  rows: { train: number; train_reference: number; train_production: number; holdout: number } | null;
  /** The current model on the held-out rows; null without a model. */
  champion: (HoldoutScore & { file: string }) | null;
  /** The retrained model on the same rows; null when it did not run. */
  challenger: (HoldoutScore & { family: ModelFamily; iterations: number; converged: boolean }) | null;
  min_improvement: number;
  promoted: boolean;
  /** The champion/challenger decision in words, with the numbers (null when it did not run). */
  decision: string | null;
  /** Version of the model in use afterwards (the challenger when promoted, else the champion's). */
  model_version: string | null;
  /** Where the challenger's ONNX was written (retraining.save_path), null when not written. */
  save_path: string | null;
  seed: number;
}

/** Measured metrics (labels known). */
export type MeasuredPerformance = ClassificationMetrics & { estimated: false };
/** Label-free estimate (CBPE) for a production file without labels, with estimate_reliable and its reasons. */
export type EstimatedPerformance = PerformanceEstimate & { estimated: true };

/** The threshold-independent part of the performance section (computed once per run). */
export interface PerformanceStats {
  /** Where the predictions came from, e.g. 'model churn.onnx: 9 inputs (...)' or 'columns pred, proba'. */
  source: string;
  /** null when the run has no label column (prediction drift only). */
  label_column: string | null;
  classes: string[];
  positive_class: string | null;
  positive_class_reason: string | null;
  /**
   * How the model's probability columns map to `classes`, one line: the model's class labels in order,
   * or, without them, column i is class "i" (labels match by text or as 1/true/yes, 0/false/no).
   * null without a model (prediction columns name their classes).
   */
  class_mapping: string | null;
  /** The F1 the alert compares: 'binary' (positive class) or 'macro' (multiclass). */
  f1_average: 'binary' | 'macro';
  /** Measured on the labelled reference rows; null without reference labels (no label column at all, or an empty one). */
  baseline: MeasuredPerformance | null;
  /** Measured when production has labels, else estimated (needs reference labels and probabilities), else null. */
  production: MeasuredPerformance | EstimatedPerformance | null;
  /** Why metrics are missing (no label column, no reference labels), for the report and the dashboard; null when the baseline is measured. */
  note: string | null;
  /** Prediction drift statistics: positive-class (or top-class) probability and predicted class. */
  prediction_drift: FeatureStats[];
  warnings: string[];
}

export interface PerformanceReport extends Omit<PerformanceStats, 'prediction_drift'> {
  /** baseline F1 - production F1 (estimated F1 when production is estimated); null without production. */
  f1_drop: number | null;
  f1_drop_threshold: number;
  /** f1_drop > thresholds.f1_drop (strictly). Joins summary.reasons as rule 'performance'. */
  alert: boolean;
  prediction_drift: FeatureReport[];
}

/** A column typed differently when each file is typed alone by the same rules (table/planColumns.ts). */
export interface TypeChange {
  name: string;
  reference: 'numerical' | 'categorical' | 'skipped';
  production: 'numerical' | 'categorical' | 'skipped';
  reference_reason: string;
  production_reason: string;
}

/** Production values of a categorical feature in categories the reference does not have. */
export interface UnseenCategories {
  name: string;
  /** Production values (non-missing) in unseen categories. */
  count: number;
  /** Non-missing production values of the feature. */
  production_values: number;
  /** count / production_values (0 when there are none). */
  share: number;
  /** The unseen categories, most frequent first (at most 20). */
  categories: string[];
}

/** Production values of a numerical feature outside the reference's [min, max]. */
export interface OutOfRange {
  name: string;
  /** null when the reference has no value. */
  reference_min: number | null;
  reference_max: number | null;
  below: number;
  above: number;
  production_values: number;
  /** (below + above) / production_values (0 when there are none). */
  share: number;
  /** The production side is a profile sketch: the counts are estimates within its rank error. */
  approximate: boolean;
}

/** A column with one distinct non-missing value in a file. */
export interface ConstantColumn {
  name: string;
  reference: boolean;
  production: boolean;
}

/** Duplicate rows of one file (rows equal to an earlier row in every column read). */
export interface DuplicateRows {
  rows: number;
  duplicates: number;
  share: number;
}

/** The threshold-independent data-quality figures (src/core/quality/). */
export interface DataQualityStats {
  type_changes: TypeChange[];
  unseen_categories: UnseenCategories[];
  /** Unseen-category values over all categorical features / their non-missing production values; null without categorical features. */
  unseen_overall_share: number | null;
  out_of_range: OutOfRange[];
  constant_columns: ConstantColumn[];
  duplicates: {
    /** null when the rows are not available (a profile). */
    reference: DuplicateRows | null;
    production: DuplicateRows | null;
    /** Columns left out of the row comparison (their text is not kept: IDs, free text). */
    ignored_columns: string[];
    /** Why a side is null, or what the comparison left out; null when nothing to say. */
    note: string | null;
  };
}

/** The data-quality section: the figures with their flags (thresholds.unseen_share, out_of_range_share, duplicate_share). */
export interface DataQualityReport extends Omit<DataQualityStats, 'unseen_categories' | 'out_of_range' | 'duplicates'> {
  unseen_categories: (UnseenCategories & { drifted: boolean })[];
  out_of_range: (OutOfRange & { drifted: boolean })[];
  duplicates: DataQualityStats['duplicates'] & { drifted: boolean };
}

/** The domain classifier's figures (quality/domainClassifier.ts), threshold-free. */
export interface DomainClassifierStats {
  /** Cross-validation folds (stratified, seeded). */
  folds: number;
  /** domain_classifier.max_rows: rows sampled at most per file. */
  max_rows: number;
  seed: number;
  /** Rows used per file. */
  rows: { reference: number; production: number };
  /** True when a file had more rows than max_rows (a seeded sample was used). */
  sampled: boolean;
  /** Out-of-fold ROC AUC of telling production rows from reference rows; null when it did not run. */
  auc: number | null;
  /** 95% interval of the AUC (DeLong's variance, normal approximation). */
  auc_ci: [number, number] | null;
  /** How importance is measured: the share of all tree splits made on the feature. */
  importance: 'split_count';
  /** The features the classifier splits on most (at most 10), importance descending. */
  top_features: { name: string; importance: number }[];
  /** Why it did not run, or null. */
  note: string | null;
  /** Milliseconds spent. */
  ms: number;
}

/** The report's `domain_classifier` section: the figures and the flag (auc > thresholds.domain_auc). */
export interface DomainClassifierReport extends DomainClassifierStats {
  /** thresholds.domain_auc */
  threshold: number;
  drifted: boolean;
}

/** Drift that matters (quality/driftImpact.ts): drift scores weighted by the model's permutation importance on the reference. */
export interface DriftImpactStats {
  /** How importance is measured. */
  method: string;
  /** Reference rows scored. */
  rows: number;
  sampled: boolean;
  max_rows: number;
  seed: number;
  /** Features by weighted score, descending. */
  features: { name: string; drift_score: number | null; importance: number; weighted: number }[];
}

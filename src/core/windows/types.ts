/**
 * Monitoring over time: production split into windows (by a timestamp column and a period, by a row
 * count, or one window per production file), each window analysed against the reference, the spread
 * of each drift score under no drift (the expected-variation band), and the run summary kept in a
 * history (JSON Lines in the CLI, IndexedDB in the dashboard).
 */
import type { Thresholds } from '../config/types.ts';
import type { FeatureType, FlagRule, VerdictRule } from '../report/types.ts';

/** windows.every: a calendar period in windows.timezone, or a whole number of rows per window. */
export type WindowPeriod = 'day' | 'week' | 'month';
export type WindowEvery = WindowPeriod | number;

/** The config's `windows` section (config/default_config.yaml). Windows are off while `every` is null and one production file is given. */
export interface WindowsConfig {
  /** Timestamp column; needed for day/week/month, ignored for a row count. */
  column: string | null;
  /** null = no splitting (several production files are still one window each). */
  every: WindowEvery | null;
  /** A window with fewer rows is marked too_small: analysed, shown, never an alarm. */
  min_rows: number;
  /** IANA time zone the calendar periods are cut in (default 'UTC'); timestamps with an offset keep it, the others are read as local times in this zone. */
  timezone: string;
  /** Compute the expected-variation band from the reference (needs reference rows; default true). */
  expected_variation: boolean;
}

/** Where a window's rows came from. */
export type WindowSource = 'time' | 'rows' | 'file';

/** One feature's result in one window: the full analysis's scores and flags, plus the band check. */
export interface WindowFeatureResult {
  name: string;
  type: FeatureType;
  /** KS D (numerical) or total variation distance (categorical), as report.features[].drift_score. */
  drift_score: number | null;
  psi: number | null;
  /** The p-value of the feature's main test (KS or chi-square, adjusted as in the report), null when it did not run. */
  p_value: number | null;
  drifted: boolean;
  flagged_by: FlagRule[];
  /** drift_score outside the expected-variation band; null when there is no band. Informational only. */
  outside_band: boolean | null;
  error: string | null;
}

/** Performance in one window: measured when the window has labels, else the label-free estimate, else null. */
export interface WindowPerformance {
  estimated: boolean;
  f1: number | null;
  accuracy: number | null;
  /** baseline F1 - this window's F1. */
  f1_drop: number | null;
  alert: boolean;
  /** The estimate's reliability (estimated only; null when measured). */
  reliable: boolean | null;
  /** Rows the metrics cover (labelled rows when measured). */
  rows?: number;
  /** The estimate's 95% F1 band (estimated only; null when measured or not derived). */
  f1_band?: [number, number] | null;
}

export interface WindowResult {
  /** 0-based position in time (or file) order. */
  index: number;
  /** '2024-03-04' (day), '2024-W10' (ISO week, Monday start), '2024-03' (month), 'rows 1-5000', or the file name. */
  label: string;
  source: WindowSource;
  /** Inclusive start and exclusive end as ISO 8601 instants (UTC, 'Z'); null for row and file windows without timestamps. */
  start: string | null;
  end: string | null;
  /** The production file the rows came from (file windows), else null. */
  file: string | null;
  rows: number;
  /** rows < windows.min_rows: analysed and shown, never counted as drift. */
  too_small: boolean;
  /** Rows of this window's file whose timestamp is missing / unparsable (file windows with a timestamp column), else 0. */
  timestamp_missing: number;
  timestamp_unparsable: number;
  features: WindowFeatureResult[];
  /** The window's verdict as report.summary computes it (false when too_small). */
  drifted: number;
  drifted_fraction: number;
  overall_drift: boolean;
  reasons: VerdictRule[];
  /** The label column tested like a feature (target drift); null without a label column. */
  label_drift: WindowFeatureResult | null;
  /** Drift of the predictions (positive-class probability, predicted class); empty without a model or prediction columns. */
  prediction_drift: WindowFeatureResult[];
  performance: WindowPerformance | null;
}

/** The spread of one score over reference windows: percentiles of the scores under no drift. */
export interface ScoreBand {
  low: number;
  median: number;
  high: number;
}

/**
 * The expected variation: the reference cut into consecutive windows of `window_rows` rows (the
 * median production window's size), each compared with the whole reference like a production window.
 * `low`/`high` are the percentiles[0]/[1] of those scores. The fixed thresholds stay the decision rule.
 */
export interface ExpectedVariation {
  window_rows: number;
  reference_windows: number;
  /** [2.5, 97.5] by default: a 95% band. */
  percentiles: [number, number];
  features: { name: string; drift_score: ScoreBand | null; psi: ScoreBand | null }[];
}

/** report.windowing: how the windows were made and what they found (present only when windows are on). */
export interface WindowingReport {
  source: WindowSource;
  column: string | null;
  every: WindowEvery | null;
  timezone: string;
  min_rows: number;
  /** Production rows in no window because the timestamp was missing / not a timestamp. Counted, never dropped silently. */
  timestamps: { missing: number; unparsable: number; unparsable_examples: string[] };
  windows: number;
  too_small: number;
  drifted_windows: number;
  /** The first window (in order) whose verdict is drift, e.g. '2024-03-04'; null when none. */
  first_drift: string | null;
  /** 'drift since 2024-03-04' or 'no window drifted'. */
  message: string;
  /** null with a profile reference (needs rows) or when turned off; `note` says why. */
  expected_variation: ExpectedVariation | null;
  note: string | null;
}

/** report.label_drift: the label's distribution tested like a categorical/numerical feature (target drift). */
export interface LabelDriftReport {
  column: string;
  feature: WindowFeatureResult;
  /** thresholds.label_drift: whether it joins the verdict. */
  in_verdict: boolean;
}

/** One feature's figures in a history entry (whole run, or one window). */
export interface HistoryScore {
  drift_score: number | null;
  psi: number | null;
  drifted: boolean;
}

/** A run summary, one line of output.history_path (JSON Lines) and one IndexedDB record. */
export interface HistoryEntry {
  /** Format version of a history line. */
  history_version: 1;
  /** Stable content id (hex): equal entries get equal ids, so merging two histories de-duplicates. */
  id: string;
  created_at: string;
  tool_version: string;
  reference: { file: string; rows: number; profile_id: string | null; sha256: string | null };
  production: { files: { file: string; sha256: string | null; rows: number }[]; rows: number };
  thresholds: Thresholds;
  verdict: {
    overall_drift: boolean;
    drifted_fraction: number;
    drifted_features: string[];
    reasons: VerdictRule[];
    first_drift: string | null;
  };
  /** Whole-run scores by feature name. */
  scores: Record<string, HistoryScore>;
  /** Per-window figures (empty without windows). */
  windows: {
    label: string;
    start: string | null;
    end: string | null;
    rows: number;
    too_small: boolean;
    overall_drift: boolean;
    drifted_fraction: number;
    scores: Record<string, HistoryScore>;
  }[];
}

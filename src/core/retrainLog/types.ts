import type { ModelFamily } from '../config/types.ts';

/**
 * One retraining event of the audit log. The first four fields say when, why, and F1 before and after
 * (timestamp, reason, pre_f1, post_f1), the columns of a plain `retrain_log.csv`; the rest give the
 * models, data and settings. Keys are the CSV column names and the JSON keys alike.
 */
export interface RetrainLogRow {
  /** When the event happened, ISO 8601 UTC (`new Date().toISOString()`). */
  timestamp: string;
  /** Why retraining ran, one line, reasons joined by "; " (one of the four plain columns). */
  reason: string;
  /** F1 before retraining: the champion's on the held-out production rows; null without a champion (one of the four plain columns). */
  pre_f1: number | null;
  /** F1 after retraining: the challenger's on the same rows (one of the four plain columns). */
  post_f1: number | null;
  /** 'auto' (drift / performance alert after an analysis) or 'manual' ("Retrain now"). */
  trigger: 'auto' | 'manual';
  /** Features flagged as drifted in the analysis that triggered it. */
  drifted_features: string[];
  /** `retraining.data`. */
  training_data: 'reference+production' | 'production';
  rows_train: number;
  rows_holdout: number;
  pre_accuracy: number | null;
  post_accuracy: number | null;
  /** `retraining.min_improvement` used for the decision. */
  min_improvement: number;
  /** Whether the challenger replaced the champion. */
  promoted: boolean;
  /** The champion/challenger decision in words, with the numbers. */
  decision: string;
  /** retraining.model_family of the challenger ('logistic' or 'gradient_boosting'). */
  model_family: ModelFamily;
  /** `retraining.seed`. */
  seed: number;
  /** Version ids (e.g. SHA-256 hex of the ONNX bytes) of the champion, the challenger, and the model in use afterwards. */
  champion_version: string | null;
  challenger_version: string | null;
  model_version: string | null;
}

/** Column order of the CSV (and key order of the JSON entries): timestamp, reason, pre_f1, post_f1 first, then the details. */
export const RETRAIN_LOG_COLUMNS = [
  'timestamp',
  'reason',
  'pre_f1',
  'post_f1',
  'trigger',
  'drifted_features',
  'training_data',
  'rows_train',
  'rows_holdout',
  'pre_accuracy',
  'post_accuracy',
  'min_improvement',
  'promoted',
  'decision',
  'model_family',
  'seed',
  'champion_version',
  'challenger_version',
  'model_version',
] as const satisfies readonly (keyof RetrainLogRow)[];

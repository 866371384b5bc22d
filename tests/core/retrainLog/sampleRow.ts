import type { RetrainLogRow } from '../../../src/core/retrainLog/index.ts';

/** A full retrain log row, with fields overridden by `over`. */
export function row(over: Partial<RetrainLogRow> = {}): RetrainLogRow {
  return {
    timestamp: '2026-11-27T11:40:00.000Z',
    reason: 'overall drift (7 of 20 features); F1 drop 0.08 > 0.05',
    pre_f1: 0.74,
    post_f1: 0.81,
    trigger: 'auto',
    drifted_features: ['num_1', 'cat, with comma', 'say "hi"'],
    training_data: 'reference+production',
    rows_train: 180000,
    rows_holdout: 20000,
    pre_accuracy: 0.8,
    post_accuracy: 0.85,
    min_improvement: 0,
    promoted: true,
    decision: 'challenger F1 0.8100 >= champion F1 0.7400',
    model_family: 'logistic',
    seed: 42,
    champion_version: null,
    challenger_version: 'ab12',
    model_version: 'ab12',
    ...over,
  };
}

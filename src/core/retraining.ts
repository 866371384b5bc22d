/**
 * Retraining as one pure step after an analysis: decide whether it is triggered, train the
 * challenger (trainChallenger), score the champion (an injected ModelRunner) on the same held-out
 * production rows, decide with compareModels, and describe it all as the report's `retraining`
 * section and one retrain-log row. The CLI (src/node/runPipeline.ts) and the analysis worker both
 * call it; writing the ONNX and the log is theirs.
 *
 *   const outcome = await runRetraining({ reference, production, plans, summary, performance, config, champion });
 *   if (outcome.save) writeFile(config.retraining.save_path, outcome.save.bytes);
 */
import type { Config } from './config/types.ts';
import type { PerformanceReport, RetrainingReport, Summary } from './report/types.ts';
import type { ColumnPlan, ParsedTable } from './table/types.ts';
import type { ModelRunner } from './model/runner.ts';
import type { RetrainLogRow } from './retrainLog/types.ts';
import type { FitHooks } from './train/types.ts';
import type { TrainedModel } from './train/trainChallenger.ts';
import { isInputError } from './errors.ts';
import { trainChallenger } from './train/trainChallenger.ts';
import { compareModels } from './train/compareModels.ts';
import { exportModelOnnx } from './onnxExport/exportModelOnnx.ts';
import { sha256Hex } from './retraining/sha256Hex.ts';
import { scoreChampion } from './retraining/scoreChampion.ts';

export interface ChampionModel {
  runner: ModelRunner;
  /** File name, for messages and the report. */
  file: string;
  /** Its version: SHA-256 hex of its bytes (sha256Hex), or null when unknown. */
  version: string | null;
}

export interface RetrainingArgs {
  reference: ParsedTable;
  production: ParsedTable;
  /** Analysis.plans: the feature columns and their kinds. */
  plans: ColumnPlan[];
  /** The verdict (report.summary): overall drift, its reasons and the drifted features. */
  summary: Summary;
  /** report.performance: its `alert` is the F1-drop trigger. */
  performance: PerformanceReport | null;
  config: Config;
  /** The current model, or null (the challenger is then promoted when it trains). */
  champion: ChampionModel | null;
  /** 'manual' retrains whatever the verdict and retraining.enabled ("Retrain now"). */
  trigger?: 'auto' | 'manual';
  /** Log timestamp (default: now). */
  now?: string;
  hooks?: FitHooks;
}

export interface RetrainingOutcome {
  section: RetrainingReport;
  /** The audit-log row; null when nothing was attempted (not triggered, or cannot retrain). */
  logRow: RetrainLogRow | null;
  /** The challenger (ONNX bytes, version, fitted model) when it trained. */
  challenger: { bytes: Uint8Array; version: string; model: TrainedModel } | null;
  /**
   * True when the challenger should be saved as the model in use: promoted, or no champion.
   * (Without a champion the challenger is always promoted; see compareModels.)
   */
  save: boolean;
}

/**
 * The reasons that trigger automatic retraining: the verdict's reasons when there is overall drift,
 * plus the performance alert (which is itself one of the verdict's reasons when it fires).
 * Empty = not triggered. Does not look at retraining.enabled.
 * @example retrainingReasons(summary, null) // ['3 of 8 features drifted (37.5%), more than 30.0%']
 */
export function retrainingReasons(summary: Summary, performance: PerformanceReport | null): string[] {
  const reasons = summary.overall_drift ? summary.reasons.map((r) => r.message) : [];
  if (performance?.alert && !summary.reasons.some((r) => r.rule === 'performance')) {
    reasons.push(`performance alert: F1 dropped by ${performance.f1_drop?.toFixed(4)} (threshold ${performance.f1_drop_threshold})`);
  }
  return reasons;
}

/** See the module comment. Never throws for a missing label or too few labels: the section says why. */
export async function runRetraining(args: RetrainingArgs): Promise<RetrainingOutcome> {
  const { config, summary, champion } = args;
  const r = config.retraining;
  const trigger = args.trigger ?? 'auto';
  const reasons = retrainingReasons(summary, args.performance);
  if (trigger === 'manual') reasons.unshift('manual: Retrain now');
  const base: RetrainingReport = {
    triggered: false,
    trigger,
    status: 'not_triggered',
    message: '',
    reasons,
    drifted_features: [...summary.drifted_features],
    training_data: r.data,
    model_family: r.model_family,
    rows: null,
    champion: null,
    challenger: null,
    min_improvement: r.min_improvement,
    promoted: false,
    decision: null,
    model_version: champion?.version ?? null,
    save_path: null,
    seed: r.seed,
  };
  const none = (section: RetrainingReport): RetrainingOutcome => ({ section, logRow: null, challenger: null, save: false });
  if (trigger === 'auto' && !r.enabled) return none({ ...base, message: 'retraining is disabled (retraining.enabled: false)' });
  if (reasons.length === 0) return none({ ...base, message: 'not retrained: no overall drift and no performance alert' });

  const label = config.data.label_column;
  if (label === null) {
    return none({
      ...base,
      triggered: true,
      status: 'cannot_retrain',
      message: 'cannot retrain: no label column; pass --label COLUMN or set data.label_column (retraining needs labelled production rows)',
    });
  }
  let trained;
  try {
    trained = await trainChallenger(
      args.reference,
      args.production,
      args.plans,
      label,
      { family: r.model_family, data: r.data, seed: r.seed, positiveClass: config.model.positive_class },
      args.hooks,
    );
  } catch (e) {
    if (!isInputError(e)) throw e;
    return none({ ...base, triggered: true, status: 'cannot_retrain', message: (e as Error).message });
  }
  const bytes = exportModelOnnx(trained.model);
  const version = await sha256Hex(bytes);

  let championScore: { f1: number; accuracy: number } | null = null;
  if (champion) {
    const { prediction_column, probability_column } = config.data;
    championScore = await scoreChampion({
      runner: champion.runner,
      file: champion.file,
      production: args.production,
      holdoutRows: trained.holdoutRows,
      holdoutTruth: trained.holdoutTruth,
      positiveClass: trained.model.classes[1],
      features: config.model.features,
      exclude: [label, prediction_column, probability_column, ...config.columns.drop].filter((x): x is string => x !== null),
    });
  }
  const comparison = compareModels(championScore, trained.challenger, r.min_improvement);
  const promoted = comparison.promote;
  const modelVersion = promoted ? version : (champion?.version ?? null);
  const decision = `${promoted ? 'promoted' : 'kept the champion'}: ${comparison.reason}`;
  const section: RetrainingReport = {
    ...base,
    triggered: true,
    status: 'retrained',
    message: `retrained (${trained.model.family}, ${trained.rows.train} training rows, ${trained.rows.holdout} held out); ${decision}`,
    rows: {
      train: trained.rows.train,
      train_reference: trained.rows.trainReference,
      train_production: trained.rows.trainProduction,
      holdout: trained.rows.holdout,
    },
    champion:
      champion && championScore
        ? { version: champion.version, f1: championScore.f1, accuracy: championScore.accuracy, file: champion.file }
        : null,
    challenger: {
      version,
      f1: trained.challenger.f1,
      accuracy: trained.challenger.accuracy,
      family: trained.model.family,
      // Gradient boosting has no convergence test: its iterations are the trees it grew.
      iterations: trained.model.family === 'gradient_boosting' ? trained.model.trees.length : trained.model.iterations,
      converged: trained.model.family === 'gradient_boosting' ? true : trained.model.converged,
    },
    promoted,
    decision,
    model_version: modelVersion,
  };
  const logRow: RetrainLogRow = {
    timestamp: args.now ?? new Date().toISOString(),
    reason: reasons.join('; '),
    pre_f1: championScore?.f1 ?? null,
    post_f1: trained.challenger.f1,
    trigger,
    drifted_features: [...summary.drifted_features],
    training_data: r.data,
    rows_train: trained.rows.train,
    rows_holdout: trained.rows.holdout,
    pre_accuracy: championScore?.accuracy ?? null,
    post_accuracy: trained.challenger.accuracy,
    min_improvement: r.min_improvement,
    promoted,
    decision,
    model_family: trained.model.family,
    seed: r.seed,
    champion_version: champion?.version ?? null,
    challenger_version: version,
    model_version: modelVersion,
  };
  return { section, logRow, challenger: { bytes, version, model: trained.model }, save: promoted || champion === null };
}

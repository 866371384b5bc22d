/**
 * Performance per window: each window's rows (the label and prediction columns) scored against the
 * reference rows exactly as a run without windows scores a production file (performance.ts
 * analysePerformance), so a window's F1 and accuracy are those of a run on that window's rows alone:
 * measured where the window has labels, else the label-free estimate (CBPE) where there are
 * probabilities. It needs the reference rows (not a profile), and prediction columns or a model: a
 * model scores the reference and every production row once, and each window gets its rows'
 * predictions (the same as scoring the window alone: a row's prediction depends on that row only).
 */
import type { Config, Thresholds } from '../config/types.ts';
import type { PerformanceStats } from '../report/types.ts';
import type { ParsedTable } from '../table/types.ts';
import type { StatKernels } from '../stattests/kernels.ts';
import { analysePerformance, decidePerformance, modelScoreOptions } from '../performance.ts';
import type { ModelRunner } from '../model/runner.ts';
import { scoreTable, type Predictions } from '../model/scoreTable.ts';
import { rowOffsets, sliceTables } from './sliceTables.ts';
import type { WindowPerformance } from './types.ts';
import type { WindowsAnalysis } from './analyseWindows.ts';

export interface WindowsPerformanceInput {
  referenceTable: ParsedTable | null;
  productions: readonly ParsedTable[];
  config: Config;
  kernels: StatKernels;
  /** A loaded model: scores the rows (else the prediction columns are read). */
  runner?: ModelRunner | null;
  /** The model's file name, for messages. */
  modelFile?: string;
  /** The runner's predictions made beforehand (scoreRun), else made here. */
  scored?: ScoredRun | null;
}

/** The whole run's predictions made once (a model run), for the whole-run performance section too. */
export interface ScoredRun {
  reference: Predictions;
  /** Every production row, the files end to end. */
  production: Predictions;
}

/**
 * Sets `performance` on every window of `analysis` that has rows (null where no performance can be
 * computed): threshold-free statistics, decided by windowPerformanceOf. Nothing without a label column,
 * prediction columns or the reference rows.
 */
export async function addWindowsPerformance(analysis: WindowsAnalysis, input: WindowsPerformanceInput): Promise<void> {
  const { referenceTable, productions, config, runner } = input;
  const { label_column: label, prediction_column: pred, probability_column: proba } = config.data;
  if (runner) return addModelPerformance(analysis, { ...input, runner });
  if (referenceTable === null || label === null || (pred === null && proba === null)) return;
  const columns = [label, pred, proba].filter((c): c is string => c !== null && productions[0].columns.some((x) => x.name === c));
  if (!columns.includes(label)) return;
  const offsets = rowOffsets(productions);
  for (const w of analysis.windows) {
    if (w.rows === 0 || !w.rowIndex) continue;
    const table = sliceTables(productions, offsets, w.rowIndex, columns, w.label);
    w.performance = await analysePerformance({ reference: referenceTable, production: table, config, kernels: input.kernels });
  }
}

/** The model's predictions of the reference and of every production row (the files end to end), each row scored once. */
export async function scoreRun(
  model: { runner: ModelRunner; file: string },
  referenceTable: ParsedTable,
  productions: readonly ParsedTable[],
  config: Config,
): Promise<ScoredRun> {
  const opts = modelScoreOptions(config, model.file);
  const reference = await scoreTable(model.runner, referenceTable, opts);
  const parts: Predictions[] = [];
  for (const t of productions) parts.push(await scoreTable(model.runner, t, opts));
  return { reference, production: joinPredictions(parts) };
}

/**
 * With a model: each window's performance (measured with labels, else the label-free estimate) and
 * its prediction drift (the model's probability and class, as performance.prediction_drift of a run
 * on the window alone) from its rows' predictions.
 */
async function addModelPerformance(analysis: WindowsAnalysis, input: WindowsPerformanceInput & { runner: ModelRunner }): Promise<void> {
  const { referenceTable, productions, config, runner } = input;
  if (referenceTable === null) return;
  const scored = input.scored ?? (await scoreRun({ runner, file: input.modelFile ?? 'model.onnx' }, referenceTable, productions, config));
  const label = config.data.label_column;
  const columns = label !== null && productions[0].columns.some((x) => x.name === label) ? [label] : [];
  const offsets = rowOffsets(productions);
  for (const w of analysis.windows) {
    if (w.rows === 0 || !w.rowIndex) continue;
    const table = sliceTables(productions, offsets, w.rowIndex, columns, w.label);
    const stats = await analysePerformance({
      reference: referenceTable,
      production: table,
      config,
      kernels: input.kernels,
      runner,
      modelFile: input.modelFile,
      scored: [scored.reference, pickRows(scored.production, w.rowIndex)],
    });
    w.performance = stats;
    w.predictionStats = stats?.prediction_drift ?? [];
  }
}

/** Predictions of several tables end to end (same model, same classes). */
export function joinPredictions(parts: readonly Predictions[]): Predictions {
  if (parts.length === 1) return parts[0];
  const n = parts.reduce((a, p) => a + p.predicted.length, 0);
  const predicted = new Int32Array(n);
  const k = parts[0].classes.length;
  const proba = !parts.every((p) => p.proba !== null)
    ? null
    : parts.every((p) => p.proba instanceof Float32Array)
      ? new Float32Array(n * k)
      : new Float64Array(n * k);
  let at = 0;
  for (const p of parts) {
    predicted.set(p.predicted, at);
    proba?.set(p.proba!, at * k);
    at += p.predicted.length;
  }
  return { ...parts[0], predicted, proba, warnings: parts.flatMap((p) => p.warnings) };
}

/** The predictions of rows `rows` (in that order). */
export function pickRows(p: Predictions, rows: Int32Array): Predictions {
  const k = p.classes.length;
  const predicted = Int32Array.from(rows, (r) => p.predicted[r]);
  let proba: Float64Array | Float32Array | null = null;
  if (p.proba !== null) {
    const src = p.proba;
    const out = src instanceof Float32Array ? new Float32Array(rows.length * k) : new Float64Array(rows.length * k);
    for (let i = 0; i < rows.length; i++) out.set(src.subarray(rows[i] * k, rows[i] * k + k), i * k);
    proba = out;
  }
  return { ...p, predicted, proba, warnings: [] };
}

/** A window's performance decided with the thresholds (f1_drop against the reference baseline, the alert). */
export function windowPerformanceOf(stats: PerformanceStats | null | undefined, t: Thresholds): WindowPerformance | null {
  if (!stats?.production) return null;
  const d = decidePerformance(stats, t);
  const p = stats.production;
  return {
    estimated: p.estimated,
    f1: p.f1,
    accuracy: p.accuracy,
    f1_drop: d.f1_drop,
    alert: d.alert,
    reliable: p.estimated ? p.estimate_reliable : null,
    rows: p.rows,
    f1_band: p.estimated ? p.f1_band : null,
  };
}

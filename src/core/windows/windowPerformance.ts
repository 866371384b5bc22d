/**
 * Performance per window: each window's rows (the label and prediction columns) scored against the
 * reference rows exactly as a run without windows scores a production file (performance.ts
 * analysePerformance), so a window's F1 and accuracy are those of a run on that window's rows alone:
 * measured where the window has labels, else the label-free estimate (CBPE) where there are
 * probabilities. It needs the reference rows (not a profile) and prediction columns (no model).
 */
import type { Config, Thresholds } from '../config/types.ts';
import type { PerformanceStats } from '../report/types.ts';
import type { ParsedTable } from '../table/types.ts';
import type { StatKernels } from '../stattests/kernels.ts';
import { analysePerformance, decidePerformance } from '../performance.ts';
import { rowOffsets, sliceTables } from './sliceTables.ts';
import type { WindowPerformance } from './types.ts';
import type { WindowsAnalysis } from './analyseWindows.ts';

export interface WindowsPerformanceInput {
  referenceTable: ParsedTable | null;
  productions: readonly ParsedTable[];
  config: Config;
  kernels: StatKernels;
}

/**
 * Sets `performance` on every window of `analysis` that has rows (null where no performance can be
 * computed): threshold-free statistics, decided by windowPerformanceOf. Nothing without a label column,
 * prediction columns or the reference rows.
 */
export async function addWindowsPerformance(analysis: WindowsAnalysis, input: WindowsPerformanceInput): Promise<void> {
  const { referenceTable, productions, config } = input;
  const { label_column: label, prediction_column: pred, probability_column: proba } = config.data;
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

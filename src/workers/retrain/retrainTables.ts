/**
 * Retraining inside the analysis worker, on the tables of its last run (they never cross back to
 * the page): runRetraining from the core with the uploaded model as the champion, scored through
 * onnxruntime-web (ortBrowser) on the challenger's held-out rows.
 */
import type { Config } from '../../core/config/types.ts';
import type { PerformanceReport, RetrainingReport, Summary } from '../../core/report/types.ts';
import type { RetrainLogRow } from '../../core/retrainLog/types.ts';
import type { ColumnPlan, ParsedTable } from '../../core/table/types.ts';
import type { FitProgress } from '../../core/train/types.ts';
import { runRetraining } from '../../core/retraining.ts';
import { modelFeatures } from '../../core/train/modelFeatures.ts';
import { sha256Hex } from '../../core/retraining/sha256Hex.ts';
import { createOnnxRunner } from '../../onnx/ortBrowser.ts';

export interface RetrainTables {
  reference: ParsedTable;
  production: ParsedTable;
  plans: ColumnPlan[];
}

export interface RetrainRequest {
  /** The run's config (retraining.*, data.label_column, model.*). */
  config: Config;
  /** The verdict and performance section as the page shows them (live thresholds). */
  summary: Summary;
  performance: PerformanceReport | null;
  /** The uploaded model, the champion; null = none. */
  champion: { name: string; bytes: Uint8Array } | null;
  trigger: 'auto' | 'manual';
}

export interface RetrainResponse {
  section: RetrainingReport;
  logRow: RetrainLogRow | null;
  /** The challenger's ONNX, when it trained. */
  challenger: { bytes: Uint8Array; version: string; classes: [string, string]; features: string[] } | null;
  /** The champion's version (SHA-256 of its bytes), null without one. */
  championVersion: string | null;
  /** Milliseconds of the whole step (train + export + champion scoring). */
  ms: number;
}

export async function retrainTables(
  tables: RetrainTables,
  req: RetrainRequest,
  onProgress: ((p: FitProgress) => void) | undefined,
  signal: AbortSignal,
): Promise<RetrainResponse> {
  const t0 = performance.now();
  const championVersion = req.champion ? await sha256Hex(req.champion.bytes) : null;
  const runner = req.champion ? await createOnnxRunner(req.champion.bytes, req.champion.name) : null;
  try {
    const outcome = await runRetraining({
      reference: tables.reference,
      production: tables.production,
      plans: tables.plans,
      summary: req.summary,
      performance: req.performance,
      config: req.config,
      champion: runner && req.champion ? { runner, file: req.champion.name, version: championVersion } : null,
      trigger: req.trigger,
      hooks: { onProgress, signal },
    });
    const m = outcome.challenger;
    return {
      section: outcome.section,
      logRow: outcome.logRow,
      challenger: m ? { bytes: m.bytes, version: m.version, classes: m.model.classes, features: modelFeatures(m.model) } : null,
      championVersion,
      ms: performance.now() - t0,
    };
  } finally {
    await runner?.release();
  }
}

/**
 * Whether "Retrain now" can work on these tables, and if not why, in one line: production needs
 * labelled rows in the label column.
 */
export function retrainReadiness(tables: RetrainTables | null, label: string | null): { ok: boolean; reason: string } {
  if (!tables) return { ok: false, reason: 'Run an analysis first.' };
  if (!label) return { ok: false, reason: 'Choose the label column: retraining needs labelled rows.' };
  const col = tables.production.columns.find((c) => c.name === label);
  if (!col)
    return {
      ok: false,
      reason: `Cannot retrain: ${tables.production.file} has no label column "${label}"; retraining needs production labels.`,
    };
  const labelled = tables.production.rows - col.missing;
  if (labelled < 2)
    return {
      ok: false,
      reason: `Cannot retrain: ${tables.production.file} has ${labelled} labelled row(s) in "${label}"; retraining needs production labels.`,
    };
  return { ok: true, reason: `${labelled} labelled production rows.` };
}

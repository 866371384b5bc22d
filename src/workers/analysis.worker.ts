/**
 * Runs the statistical tests with the wasm kernels, off the main thread, and scores the model (ONNX
 * through onnxruntime-web) or reads the prediction columns: the same analysePerformance() the CLI runs.
 * Keeps the two parsed tables of the last run so the distribution explorer can ask for any feature
 * without moving the columns again.
 */
import * as Comlink from 'comlink';
import { analyse, type Analysis } from '../core/analyse.ts';
import type { Config } from '../core/config/types.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { loadKernels } from '../kernels/loadKernels.ts';
import { analysePerformance } from '../core/performance.ts';
import type { PerformanceStats } from '../core/report/types.ts';
import { createOnnxRunner } from '../onnx/ortBrowser.ts';
import { featureDistribution } from './distribution/featureDistribution.ts';
import type { FeatureDistribution } from './distribution/types.ts';
import type { FitProgress } from '../core/train/types.ts';
import { retrainReadiness, retrainTables, type RetrainRequest, type RetrainResponse } from './retrain/retrainTables.ts';
import { untilCancelled, type RetrainOutcome } from './retrain/retrainOutcome.ts';

/** A model file for the run: its name (for messages and the report) and its bytes (transferred). */
export interface ModelInput {
  name: string;
  bytes: Uint8Array;
}

/** The drift analysis and, with a model or prediction columns, the performance statistics. */
export interface AnalysisResult {
  analysis: Analysis;
  performance: PerformanceStats | null;
}

let last: { reference: ParsedTable; production: ParsedTable; analysis: Analysis } | null = null;
/** The retraining in progress (cancelRetrain aborts it between Newton iterations). */
let retraining: AbortController | null = null;

const api = {
  /** Compiles the wasm kernels ahead of time (called while the files are still parsing). */
  async warmUp(): Promise<void> {
    await loadKernels();
  },

  /** `onScoring` is called before the model runs (or the prediction columns are read). */
  async analyse(
    reference: ParsedTable,
    production: ParsedTable,
    config: Config,
    model: ModelInput | null = null,
    onScoring?: () => void,
  ): Promise<AnalysisResult> {
    last = null;
    const kernels = await loadKernels();
    const analysis = analyse(reference, production, config, kernels);
    let performance: PerformanceStats | null = null;
    if (model || config.data.prediction_column || config.data.probability_column) {
      await onScoring?.();
      const runner = model ? await createOnnxRunner(model.bytes, model.name) : null;
      try {
        performance = await analysePerformance({ reference, production, config, kernels, runner, modelFile: model?.name });
      } finally {
        await runner?.release();
      }
    }
    last = { reference, production, analysis };
    return { analysis, performance };
  },

  /**
   * Retrains on the last run's tables (src/workers/retrain); the challenger's bytes are transferred.
   * A cancelRetrain() during the call ends it with `{ kind: 'cancelled' }` rather than an error.
   */
  async retrain(req: RetrainRequest, onProgress?: (p: FitProgress) => void): Promise<RetrainOutcome<RetrainResponse>> {
    if (!last) throw new Error('no analysis to retrain on; run an analysis first');
    retraining?.abort();
    const controller = (retraining = new AbortController());
    try {
      const out = await untilCancelled(
        retrainTables({ ...last, plans: last.analysis.plans }, req, onProgress, controller.signal),
        controller.signal,
      );
      const res = out.kind === 'done' ? out.value : null;
      return res?.challenger ? Comlink.transfer(out, [res.challenger.bytes.buffer]) : out;
    } finally {
      if (retraining === controller) retraining = null;
    }
  },

  cancelRetrain(): void {
    retraining?.abort();
  },

  retrainReadiness(label: string | null): { ok: boolean; reason: string } {
    return retrainReadiness(last && { ...last, plans: last.analysis.plans }, label);
  },

  distribution(feature: string): FeatureDistribution | null {
    if (!last) return null;
    return featureDistribution(feature, last.analysis.stats, last.reference, last.production);
  },
};

export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);

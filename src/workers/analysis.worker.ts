/**
 * Runs the statistical tests with the wasm kernels, off the main thread. Keeps the two parsed tables of
 * the last run so the distribution explorer can ask for any feature without moving the columns again.
 */
import * as Comlink from 'comlink';
import { analyse, type Analysis } from '../core/analyse.ts';
import type { Config } from '../core/config/types.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { loadKernels } from '../kernels/loadKernels.ts';
import { featureDistribution } from './distribution/featureDistribution.ts';
import type { FeatureDistribution } from './distribution/types.ts';

let last: { reference: ParsedTable; production: ParsedTable; analysis: Analysis } | null = null;

const api = {
  /** Compiles the wasm kernels ahead of time (called while the files are still parsing). */
  async warmUp(): Promise<void> {
    await loadKernels();
  },

  async analyse(reference: ParsedTable, production: ParsedTable, config: Config): Promise<Analysis> {
    last = null;
    const kernels = await loadKernels();
    const analysis = analyse(reference, production, config, kernels);
    last = { reference, production, analysis };
    return analysis;
  },

  distribution(feature: string): FeatureDistribution | null {
    if (!last) return null;
    return featureDistribution(feature, last.analysis.stats, last.reference, last.production);
  },
};

export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);

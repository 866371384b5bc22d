/**
 * The pipeline as a library call: files (or parsed tables) + config in, report out.
 * This is what the CLI runs; other Node programs can call it too:
 *
 *   import { runPipeline } from 'drift-monitor';
 *   const { report } = await runPipeline({ reference: 'train.csv', production: 'prod.csv', label: 'churn' });
 */
import type { Config } from '../core/config/types.ts';
import type { ConfigOverrides } from '../core/config/mergeOverrides.ts';
import type { Report } from '../core/report/types.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { InputError } from '../core/errors.ts';
import { DEFAULT_CONFIG } from '../core/config/defaults.ts';
import { mergeOverrides } from '../core/config/loadConfig.ts';
import { analyse } from '../core/analyse.ts';
import { buildReport } from '../core/buildReport.ts';
import { analysePerformance } from '../core/performance.ts';
import { readModelFile } from './readModelFile.ts';
import { runRetraining, type RetrainingOutcome } from '../core/retraining.ts';
import { sha256Hex } from '../core/retraining/sha256Hex.ts';
import { saveRetraining } from './saveRetraining.ts';
import { loadKernels } from '../kernels/loadKernels.ts';
import { loadConfigFile } from './loadConfigFile.ts';
import { readTables } from './readTables.ts';
import { columnsToSkip } from '../core/table/columnsToSkip.ts';
import { packageVersion } from './version.ts';
import { checkOutputFiles } from './checkOutputFiles.ts';
import { inputFiles, outputFiles, type OutputFile, type ReportTargets } from './outputFiles.ts';

export interface PipelineOptions {
  /** Path of the reference CSV, or an already parsed table. Defaults to config data.reference_path. */
  reference?: string | ParsedTable;
  production?: string | ParsedTable;
  /** Label column (overrides config data.label_column); null = no label. */
  label?: string | null;
  /** A YAML config file path, or config values (validated and merged over the defaults). */
  config?: string | ConfigOverrides;
  /** Columns to leave out (overrides config columns.drop). */
  drop?: string[];
  /** ONNX model file (overrides config model.path): fills report.performance. */
  model?: string;
  /** Timestamp to write into the report (default: now). */
  generatedAt?: string;
  /**
   * Where the caller will write the report and scores (the CLI's --out and --scores; unset keys
   * fall back to output.report_path / output.scores_path and their defaults). Given, they are
   * checked with the pipeline's own outputs before any input is read, and listed in `outputs`.
   */
  report?: ReportTargets;
}

export interface PipelineResult {
  report: Report;
  config: Config;
  /** Milliseconds per stage. */
  timings: { parse: number; detect: number; tests: number; total: number; model?: number; retrain?: number };
  /** The retraining step (retraining.enabled); its model and log row are already written when configured. */
  retraining: RetrainingOutcome | null;
  /** Every output of the run (see outputFiles), checked before any input was read. */
  outputs: OutputFile[];
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const t0 = performance.now();
  const config = await resolveConfig(options);
  const refSource = options.reference ?? config.data.reference_path;
  const prodSource = options.production ?? config.data.production_path;
  if (refSource == null) throw new InputError('no reference CSV given; pass --reference FILE or set data.reference_path in the config');
  if (prodSource == null) throw new InputError('no production CSV given; pass --production FILE or set data.production_path in the config');
  const modelPath = options.model ?? config.model.path;
  // Before any work: no output may be an input or another output, and each must be writable (an
  // existing retrain log must have our header), so a refused run writes nothing.
  const outputs = outputFiles(config, options.report);
  await checkOutputFiles(inputFiles({ reference: refSource, production: prodSource, config: options.config, model: modelPath }), outputs);
  const [kernels, [reference, production]] = await Promise.all([
    loadKernels(),
    readTables(refSource, prodSource, {
      delimiter: config.data.delimiter,
      missingValues: config.data.missing_values,
      encoding: config.data.encoding,
      decimal: config.data.decimal,
      thousands: config.data.thousands,
      skipColumns: columnsToSkip(config, Boolean(modelPath)),
    }),
  ]);
  const t1 = performance.now();
  const analysis = analyse(reference, production, config, kernels);
  const t2 = performance.now();
  const model = modelPath ? await readModelFile(modelPath) : null;
  let perf;
  let report: Report;
  let retraining: RetrainingOutcome | null = null;
  let t3: number;
  let t4: number;
  try {
    perf = await analysePerformance({ reference, production, config, kernels, runner: model?.runner, modelFile: model?.file });
    t3 = performance.now();
    report = buildReport(
      analysis,
      config,
      {
        generatedAt: options.generatedAt ?? new Date().toISOString(),
        version: packageVersion(),
      },
      perf,
    );
    if (config.retraining.enabled) {
      retraining = await runRetraining({
        reference,
        production,
        plans: analysis.plans,
        summary: report.summary,
        performance: report.performance,
        config,
        champion: model ? { runner: model.runner, file: model.file, version: await sha256Hex(model.bytes) } : null,
        now: options.generatedAt,
      });
      report.retraining = retraining.section;
      await saveRetraining(retraining, config);
    }
    t4 = performance.now();
  } finally {
    await model?.runner.release();
  }
  const total = performance.now() - t0;
  return {
    report,
    config,
    timings: {
      parse: t1 - t0,
      detect: analysis.timings.detect,
      tests: analysis.timings.tests,
      ...(model || perf ? { model: t3 - t2 } : {}),
      ...(retraining ? { retrain: t4 - t3 } : {}),
      total,
    },
    retraining,
    outputs,
  };
}

async function resolveConfig(options: PipelineOptions): Promise<Config> {
  let config: Config =
    typeof options.config === 'string'
      ? await loadConfigFile(options.config)
      : options.config
        ? mergeOverrides(DEFAULT_CONFIG, options.config, 'options.config')
        : DEFAULT_CONFIG;
  const overrides: ConfigOverrides = {};
  if (options.label !== undefined) overrides.data = { label_column: options.label };
  if (options.drop !== undefined) overrides.columns = { drop: options.drop };
  if (Object.keys(overrides).length) config = mergeOverrides(config, overrides, 'command-line flags');
  return config;
}

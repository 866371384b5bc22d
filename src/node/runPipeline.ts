/**
 * The pipeline as a library call: files (or parsed tables) + config in, report out.
 * This is what the CLI runs; other Node programs can call it too:
 *
 *   import { runPipeline } from 'drift-monitor';
 *   const { report } = await runPipeline({ reference: 'train.csv', production: 'prod.csv', label: 'churn' });
 */
import { addDomainClassifier } from '../core/quality/domainClassifier.ts';
import { driftImpact, driftImpactOptions } from '../core/quality/driftImpact.ts';
import type { Config } from '../core/config/types.ts';
import type { ConfigOverrides } from '../core/config/mergeOverrides.ts';
import type { Report } from '../core/report/types.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { InputError } from '../core/errors.ts';
import { DEFAULT_CONFIG } from '../core/config/defaults.ts';
import { mergeOverrides } from '../core/config/loadConfig.ts';
import { buildReport } from '../core/buildReport.ts';
import { analysePerformance } from '../core/performance.ts';
import { readModelFile } from './readModelFile.ts';
import { runRetraining, type RetrainingOutcome } from '../core/retraining.ts';
import { sha256Hex } from '../core/retraining/sha256Hex.ts';
import { saveRetraining } from './saveRetraining.ts';
import { loadKernels } from '../kernels/loadKernels.ts';
import { loadConfigFile } from './loadConfigFile.ts';
import { readTablesForAnalysis } from './readTables.ts';
import { trace } from './threadTrace.ts';
import { analyseOnHelpers } from './analyseOnHelpers.ts';
import { planConfig } from '../core/analyse.ts';
import { columnsToSkip } from '../core/table/columnsToSkip.ts';
import { packageVersion } from './version.ts';
import { checkOutputFiles } from './checkOutputFiles.ts';
import { inputFiles, outputFiles, type OutputFile, type ReportTargets } from './outputFiles.ts';
import type { Analysis } from '../core/analyse.ts';
import type { PerformanceStats } from '../core/report/types.ts';
import type { Profile, ProfileSource } from '../core/profile/columnProfile.ts';
import { stat } from 'node:fs/promises';
import { analyseProfiles } from '../core/profile/analyseProfiles.ts';
import { DEFAULT_PROFILE_CONFIG, profileConfigOf, profileFromTable } from '../core/profile/profileBuilder.ts';
import { profileSettingsWarnings } from '../core/profile/profileSettingsWarnings.ts';
import { isProfileFile, readProfileFile } from './readProfileFile.ts';
import { readCsvProfile } from './readCsvProfile.ts';
import { readCsvFile } from './readCsvFile.ts';
import { PARQUET_FORMAT as PARQUET_SOURCE } from '../core/table/parquet/parquetFormat.ts';
import { duckDbFileProfile } from './duckdbFileProfile.ts';
import { binnedEdges } from '../core/sql/edgeBins.ts';
import type { FeatureDistribution } from '../core/distribution/types.ts';
import { reportDistributions } from '../core/htmlReport/reportDistributions.ts';
import { windowSource } from '../core/windows/analyseWindows.ts';
import { addLabelDriftWithoutWindows, expandProductions, runWindows } from './runWindows.ts';

export interface PipelineOptions {
  /**
   * Path of the reference CSV or *.profile (told apart by its first bytes), or an already parsed table.
   * Defaults to config data.reference_path. With a profile on either side the CSV side is streamed into
   * a profile and the profiles are compared (analyseProfiles); see runWithProfiles.
   */
  reference?: string | ParsedTable;
  /** Several production files (or a folder of CSVs) are windows, in order (see runWindows). */
  production?: string | ParsedTable | (string | ParsedTable)[];
  /** Label column (overrides config data.label_column); null = no label. */
  label?: string | null;
  /** A YAML config file path, or config values (validated and merged over the defaults). */
  config?: string | ConfigOverrides;
  /** Columns to leave out (overrides config columns.drop). */
  drop?: string[];
  /** Config values given on the command line (--window-every, --history, --webhook ...), merged last. */
  overrides?: ConfigOverrides;
  /** ONNX model file (overrides config model.path): fills report.performance. */
  model?: string;
  /**
   * Stream both CSVs into profiles and compare those (as with a profile reference): memory is bounded by
   * the profiles, not the files; exact (the CSV run's report) while each column has at most
   * profile.max_exact_values distinct numbers, approximate past that. Keeps no rows, so a model,
   * prediction columns and retraining are refused with it.
   */
  stream?: boolean;
  /** Timestamp to write into the report (default: now). */
  generatedAt?: string;
  /**
   * Where the caller will write the report and scores (the CLI's --out and --scores; unset keys
   * fall back to output.report_path / output.scores_path and their defaults). Given, they are
   * checked with the pipeline's own outputs before any input is read, and listed in `outputs`.
   */
  report?: ReportTargets;
  /**
   * Compute the bounded per-feature distributions the HTML report draws (reportDistributions: from the
   * tables, or from the profiles of a profile run), returned as `distributions`. Default: when the run
   * has an HTML output (report.html or output.html_path).
   */
  distributions?: boolean;
  /**
   * 'duckdb': profile each CSV or Parquet side (a path or a glob) inside DuckDB (the optional package
   * @duckdb/node-api) and compare the profiles, as with --stream: no rows kept, so no model or
   * retraining. Default 'csv': the built-in reader.
   */
  engine?: 'csv' | 'duckdb';
}

export interface PipelineResult {
  report: Report;
  config: Config;
  /** Milliseconds per stage. */
  timings: {
    parse: number;
    detect: number;
    tests: number;
    total: number;
    model?: number;
    retrain?: number;
    windows?: number;
    /** Threads that computed the features' statistics (analyseOnHelpers); absent when not from two tables. */
    threads?: number;
  };
  /** The retraining step (retraining.enabled); its model and log row are already written when configured. */
  retraining: RetrainingOutcome | null;
  /** Every output of the run (see outputFiles), checked before any input was read. */
  outputs: OutputFile[];
  /** Bounded plot data per analysed feature when `distributions` was asked for, else null. */
  distributions: FeatureDistribution[] | null;
  /**
   * Size and SHA-256 of each input CSV the run already hashed while streaming it into a profile, by the
   * path as given, so the HTML report's input list need not read that file a second time.
   */
  hashed: Map<string, { size: number; sha256: string }>;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const t0 = performance.now();
  trace('runPipeline start');
  const config = await resolveConfig(options);
  const refSource = options.reference ?? config.data.reference_path;
  const prodSources = options.production ?? config.data.production_path;
  if (refSource == null) throw new InputError('no reference CSV given; pass --reference FILE or set data.reference_path in the config');
  if (prodSources == null || (Array.isArray(prodSources) && prodSources.length === 0))
    throw new InputError('no production CSV given; pass --production FILE or set data.production_path in the config');
  const prodList = await expandProductions(Array.isArray(prodSources) ? prodSources : [prodSources]);
  if (windowSource(config, prodList.length) !== null) return runWindowed(options, config, refSource, prodList);
  const prodSource = prodList[0];
  const modelPath = options.model ?? config.model.path;
  const refIsProfile = typeof refSource === 'string' && (await isProfileFile(refSource));
  const prodIsProfile = typeof prodSource === 'string' && (await isProfileFile(prodSource));
  const scoresRows = Boolean(modelPath || config.data.prediction_column || config.data.probability_column);
  if (refIsProfile && config.retraining.enabled)
    throw new InputError(
      `retraining needs the reference rows; pass the reference CSV instead of the profile ${refSource as string}, or set retraining.enabled: false`,
    );
  if (prodIsProfile && config.retraining.enabled)
    throw new InputError(
      `retraining needs the production rows; pass the production CSV instead of the profile ${prodSource as string}, or set retraining.enabled: false`,
    );
  if (options.stream && (config.retraining.enabled || scoresRows))
    throw new InputError(
      `--stream keeps no rows, and ${config.retraining.enabled ? 'retraining trains on them' : modelPath ? 'the model scores them' : 'the prediction columns are read from them'}; run without --stream`,
    );
  if (options.engine === 'duckdb' && (config.retraining.enabled || scoresRows))
    throw new InputError(
      `--engine duckdb keeps no rows, and ${config.retraining.enabled ? 'retraining trains on them' : modelPath ? 'the model scores them' : 'the prediction columns are read from them'}; run without --engine duckdb`,
    );
  if (options.engine !== undefined && options.engine !== 'csv' && options.engine !== 'duckdb')
    throw new InputError(`unknown --engine ${JSON.stringify(options.engine)}; use csv (the default) or duckdb`);
  if (prodIsProfile && scoresRows)
    throw new InputError(
      `${modelPath ? 'the model scores' : 'the prediction columns are read from'} the production rows; pass the production CSV instead of the profile ${prodSource as string}`,
    );
  // Before any work: no output may be an input or another output, and each must be writable (an
  // existing retrain log must have our header), so a refused run writes nothing.
  const outputs = outputFiles(config, options.report);
  await checkOutputFiles(
    inputFiles({
      reference: refSource,
      production: prodSource,
      config: options.config,
      model: modelPath,
      referenceIsProfile: refIsProfile,
      productionIsProfile: prodIsProfile,
    }),
    outputs,
  );
  if (refIsProfile || prodIsProfile || options.stream || options.engine === 'duckdb') {
    return runWithProfiles({ options, config, refSource, prodSource, refIsProfile, prodIsProfile, modelPath, scoresRows, outputs, t0 });
  }
  trace('outputs checked');
  const [kernels, read] = await Promise.all([
    loadKernels(),
    readTablesForAnalysis(
      refSource,
      prodSource,
      {
        delimiter: config.data.delimiter,
        missingValues: config.data.missing_values,
        encoding: config.data.encoding,
        decimal: config.data.decimal,
        thousands: config.data.thousands,
        skipColumns: columnsToSkip(config, Boolean(modelPath)),
      },
      planConfig(config),
    ),
  ]);
  const [reference, production] = read.tables;
  const t1 = performance.now();
  // The per-column tests on this thread and the helper threads kept from reading (analyseOnHelpers).
  const { analysis, threads } = await analyseOnHelpers(reference, production, config, kernels, read.helpers, read.known).finally(
    read.close,
  );
  await addDomainClassifier(analysis, reference, production, config);
  trace('analysed');
  const t2 = performance.now();
  const model = modelPath ? await readModelFile(modelPath) : null;
  let perf;
  let report: Report;
  let retraining: RetrainingOutcome | null = null;
  let t3: number;
  let t4: number;
  try {
    perf = await analysePerformance({ reference, production, config, kernels, runner: model?.runner, modelFile: model?.file });
    if (model && perf) {
      analysis.driftImpact = await driftImpact(model.runner, reference, analysis.stats, driftImpactOptions(config, model.file));
    }
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
    addLabelDriftWithoutWindows(report, reference, production, config);
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
  trace('report built');
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
      threads,
    },
    retraining,
    outputs,
    hashed: new Map(),
    distributions: wantsDistributions(options, outputs)
      ? reportDistributions(report.features, { mode: 'tables', reference, production })
      : null,
  };
}

interface ProfileRun {
  options: PipelineOptions;
  config: Config;
  refSource: string | ParsedTable;
  prodSource: string | ParsedTable;
  refIsProfile: boolean;
  prodIsProfile: boolean;
  modelPath: string | null;
  /** A model or prediction columns: production is read as a table (the rows are scored). */
  scoresRows: boolean;
  outputs: OutputFile[];
  t0: number;
}

/**
 * A run with a profile on one side (or both): each CSV side is streamed into a profile (readCsvProfile:
 * memory bounded by the profile, whatever the file size) and the two profiles are compared by the same
 * rules and tests as two tables (analyseProfiles). With a model or prediction columns, production is
 * read as a table instead (the model needs its rows) and profiled from it; the reference keeps no rows,
 * so the performance section has production's side only (no baseline, no prediction drift).
 */
async function runWithProfiles(run: ProfileRun): Promise<PipelineResult> {
  const { config, refSource, prodSource, modelPath, t0 } = run;
  const read = {
    delimiter: config.data.delimiter,
    missingValues: config.data.missing_values,
    encoding: config.data.encoding,
    decimal: config.data.decimal,
    thousands: config.data.thousands,
  };
  const profileOptions = { config: profileConfigOf(config) };
  const hashed: PipelineResult['hashed'] = new Map();
  // --engine duckdb against a reference profile: production's numbers are counted on the reference's
  // bins where it has bins (as sql --edges-from), so both sides hold the same edges.
  const referenceRead = run.refIsProfile && run.options.engine === 'duckdb' ? readProfileFile(refSource as string) : null;
  const asProfile = async (src: string | ParsedTable, isProfile: boolean): Promise<Profile> => {
    if (typeof src !== 'string') return profileFromTable(src, profileOptions);
    if (isProfile) return src === refSource && referenceRead !== null ? referenceRead : readProfileFile(src);
    if (run.options.engine === 'duckdb')
      return duckDbFileProfile(src, {
        delimiter: config.data.delimiter,
        missingValues: config.data.missing_values,
        skipColumns: columnsToSkip(config, false),
        label: config.data.label_column,
        profile: { ...DEFAULT_PROFILE_CONFIG, ...profileOptions.config },
        ...(src === prodSource && referenceRead !== null ? { edges: binnedEdges(await referenceRead) } : {}),
      });
    const profile = await readCsvProfile(src, {
      ...read,
      file: src,
      skipColumns: columnsToSkip(config, false),
      profile: profileOptions.config,
      label: config.data.label_column,
    });
    if (profile.source?.sha256) hashed.set(src, { size: profile.source.size, sha256: profile.source.sha256 });
    // Named as given (like a table read from the path), so messages and the report match a CSV run.
    return { ...profile, source: profile.source && { ...profile.source, file: src } };
  };
  let productionTable = null as ParsedTable | null;
  const [reference, production] = await Promise.all([
    asProfile(refSource, run.refIsProfile),
    (async () => {
      if (!run.scoresRows) return asProfile(prodSource, run.prodIsProfile);
      const skipColumns = columnsToSkip(config, Boolean(modelPath));
      const table = typeof prodSource === 'string' ? await readCsvFile(prodSource, { ...read, skipColumns }) : prodSource;
      productionTable = table;
      // Named like the table (the path as given), as a CSV run names it in messages and the report.
      const source: ProfileSource = {
        file: table.file,
        size: typeof prodSource === 'string' ? (await stat(prodSource)).size : 0,
        sha256: null,
        delimiter: table.delimiter,
        missingValues: [...config.data.missing_values],
        encoding: table.delimiter === PARQUET_SOURCE ? PARQUET_SOURCE : config.data.encoding,
        decimal: config.data.decimal,
        thousands: config.data.thousands,
        dropped: [...(table.notParsed ?? [])],
        label: config.data.label_column,
      };
      return profileFromTable(table, { ...profileOptions, source });
    })(),
  ]);
  const settingsWarnings = [
    ...(run.refIsProfile ? profileSettingsWarnings(refSource as string, reference.source, config) : []),
    ...(run.prodIsProfile ? profileSettingsWarnings(prodSource as string, production.source, config) : []),
  ];
  const t1 = performance.now();
  const analysis: Analysis = analyseProfiles(reference, production, config);
  analysis.warnings.unshift(...settingsWarnings);
  await addDomainClassifier(analysis, null, null, config);
  const t2 = performance.now();
  let perf: PerformanceStats | null = null;
  let t3 = t2;
  if (productionTable !== null) {
    const [kernels, model] = await Promise.all([loadKernels(), modelPath ? readModelFile(modelPath) : null]);
    try {
      perf = await analysePerformance({
        reference: null,
        referenceName: typeof refSource === 'string' ? refSource : undefined,
        production: productionTable,
        config,
        kernels,
        runner: model?.runner,
        modelFile: model?.file,
      });
    } finally {
      await model?.runner.release();
    }
    t3 = performance.now();
  }
  const report = buildReport(
    analysis,
    config,
    { generatedAt: run.options.generatedAt ?? new Date().toISOString(), version: packageVersion() },
    perf,
  );
  addLabelDriftWithoutWindows(report, reference, production, config);
  return {
    report,
    config,
    timings: {
      parse: t1 - t0,
      detect: analysis.timings.detect,
      tests: analysis.timings.tests,
      ...(productionTable !== null ? { model: t3 - t2 } : {}),
      total: performance.now() - t0,
    },
    retraining: null,
    outputs: run.outputs,
    hashed,
    distributions: wantsDistributions(run.options, run.outputs)
      ? reportDistributions(report.features, { mode: 'profiles', reference, production })
      : null,
  };
}

/** A run with windows (runWindows.ts): output checks first, as every run. */
async function runWindowed(
  options: PipelineOptions,
  config: Config,
  reference: string | ParsedTable,
  productions: (string | ParsedTable)[],
): Promise<PipelineResult> {
  if (options.stream) throw new InputError('--stream keeps no rows, and the windows are cut from them; run without --stream');
  const outputs = outputFiles(config, options.report);
  const refIsProfile = typeof reference === 'string' && (await isProfileFile(reference));
  await checkOutputFiles(
    [
      ...inputFiles({ reference, config: options.config, referenceIsProfile: refIsProfile, model: options.model ?? config.model.path }),
      ...productions.flatMap((p) => inputFiles({ production: p })),
    ],
    outputs,
  );
  const run = await runWindows({ config, reference, productions, generatedAt: options.generatedAt, model: options.model });
  return {
    report: run.report,
    config,
    timings: run.timings,
    retraining: null,
    outputs,
    hashed: new Map(),
    distributions:
      wantsDistributions(options, outputs) && run.reference !== null && run.productions.length === 1
        ? reportDistributions(run.report.features, { mode: 'tables', reference: run.reference, production: run.productions[0] })
        : null,
  };
}

/** Distributions are computed when asked for, or when the run writes an HTML report (an `html` output). */
function wantsDistributions(options: PipelineOptions, outputs: readonly OutputFile[]): boolean {
  return options.distributions ?? outputs.some((o) => o.key === 'html');
}

/** The run's configuration: the config file or values over the defaults, then the label and drop flags. */
export async function resolveConfig(options: Pick<PipelineOptions, 'config' | 'label' | 'drop' | 'overrides'>): Promise<Config> {
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
  if (options.overrides !== undefined) config = mergeOverrides(config, options.overrides, 'command-line flags');
  return config;
}

/**
 * Runs the statistical tests with the wasm kernels, off the main thread, and scores the model (ONNX
 * through onnxruntime-web) or reads the prediction columns: the same analysePerformance() the CLI runs.
 * Keeps the two parsed tables of the last run so the distribution explorer can ask for any feature
 * without moving the columns again, and builds the reference profile from them when asked.
 *
 * A run where a side is a profile (analyseProfiles) reads the CSV side straight into a profile (streamed
 * chunk by chunk: memory is bounded by the profiles, not by the file) and compares the two profiles; it
 * keeps both profiles for the explorer. With a model (or prediction columns) production is parsed as a
 * table instead and scored without a baseline (analyseProfileAndTable). No retraining.
 */
import * as Comlink from 'comlink';
import { addDomainClassifier } from '../core/quality/domainClassifier.ts';
import { driftImpact, driftImpactOptions } from '../core/quality/driftImpact.ts';
import type { Analysis } from '../core/analyse.ts';
import { analyseInParallel } from './analyseInParallel.ts';
import type { Config } from '../core/config/types.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { loadKernels } from '../kernels/loadKernels.ts';
import { analysePerformance } from '../core/performance.ts';
import type { PerformanceStats } from '../core/report/types.ts';
import { createOnnxRunner } from '../onnx/ortBrowser.ts';
import { featureDistribution } from '../core/distribution/featureDistribution.ts';
import type { FeatureDistribution } from '../core/distribution/types.ts';
import type { FitProgress } from '../core/train/types.ts';
import { retrainReadiness, retrainTables, type RetrainRequest, type RetrainResponse } from './retrain/retrainTables.ts';
import { untilCancelled, type RetrainOutcome } from './retrain/retrainOutcome.ts';
import type { Profile } from '../core/profile/columnProfile.ts';
import { profileConfigOf, profileFromTable } from '../core/profile/profileBuilder.ts';
import { decodeProfile, encodeProfile, hasProfileMagic, PROFILE_MAGIC } from '../core/profile/profileFile.ts';
import { profileCsv } from '../core/profile/profileCsv.ts';
import { analyseProfiles } from '../core/profile/analyseProfiles.ts';
import { sha256OfBlob } from './sha256Stream.ts';
import { resolveAlone } from '../core/table/resolveNumberFormats.ts';
import { profileDistribution } from '../core/distribution/profileDistribution.ts';
import type { ParseRequest } from './parse.worker.ts';
import { receiveTable, type TableSource } from './receiveTable.ts';
import type { Report } from '../core/report/types.ts';
import type { InputFileInfo } from '../core/htmlReport/types.ts';
import { blobBuffer, isParquetBlob } from '../core/table/parquet/blobBuffer.ts';
import { PARQUET_SOURCE, profileParquet } from '../core/profile/profileParquet.ts';
import { renderHtmlReport } from '../core/htmlReport/renderHtmlReport.ts';
import { reportDistributions, type DistributionSource } from '../core/htmlReport/reportDistributions.ts';
import { decideWindows, type WindowsAnalysis } from '../core/windows/api.ts';
import type { WindowingReport, WindowResult } from '../core/windows/types.ts';
import type { Thresholds } from '../core/config/types.ts';
import type { FeatureStats } from '../core/report/types.ts';
import { analyseWindowed, type WindowedInput } from './windowedRun.ts';
import { runMark } from './runMarks.ts';

/** A model file for the run: its name (for messages and the report) and its bytes (transferred). */
export interface ModelInput {
  name: string;
  bytes: Uint8Array;
}

/** The drift analysis and, with a model or prediction columns, the performance statistics. */
export interface AnalysisResult {
  analysis: Analysis;
  performance: PerformanceStats | null;
  /** The windows decided with the run's thresholds (decideWindows again for others); absent when windows are off. */
  windows?: { windows: WindowResult[]; windowing: WindowingReport } | null;
  /** The windows analysis' warnings (the CLI adds them to report.warnings). */
  windowWarnings?: string[];
  /** The label column tested like a feature (target drift, threshold-free); absent without windows or a label. */
  labelStats?: FeatureStats | null;
  /** Rows of each production file of a windowed run (the History records them). */
  productionRows?: number[];
}

/** What the last run compared: two tables, or two profiles (at least one side was a `*.profile`). */
type LastRun =
  | { mode: 'tables'; reference: ParsedTable; production: ParsedTable; analysis: Analysis }
  | { mode: 'profiles'; reference: Profile; production: Profile; referenceFromCsv: boolean; analysis: Analysis };

/** A reference profile built after a run: the `*.profile` bytes (transferred) and what the list shows. */
export interface BuiltProfile {
  bytes: Uint8Array;
  created: string;
  file: string;
  rows: number;
  columns: number;
  sha256: string | null;
  size: number;
}

/** Why retraining cannot run after a run against a profile (shown under "Retrain now"). */
export const PROFILE_RETRAIN_REASON =
  'Cannot retrain: this run compared a profile (a summary without rows); retraining and the baseline model performance need both CSV files.';

/** Progress callbacks are throttled to this interval: each one is a message to the main thread. */
const PROGRESS_EVERY_MS = 100;

let last: LastRun | null = null;
/** In how many parts the last run's reference and production CSVs were parsed (1: one piece; 0: not parsed). */
let readParts: number[] = [0, 0];
/** The last windowed run's analysis (threshold-free) and config, kept to decide again on new thresholds. */
let lastWindows: { analysis: WindowsAnalysis; config: Config } | null = null;
/** The retraining in progress (cancelRetrain aborts it between Newton iterations). */
let retraining: AbortController | null = null;

const api = {
  /** Compiles the wasm kernels ahead of time (called while the files are still parsing). */
  async warmUp(): Promise<void> {
    await loadKernels();
  },

  /**
   * `onScoring` is called before the model runs (or the prediction columns are read). `helpers` are ports
   * to columns.worker.ts workers that share the per-column statistics with this one (analyseInParallel).
   */
  async analyse(
    referenceSource: TableSource,
    productionSource: TableSource,
    config: Config,
    model: ModelInput | null = null,
    onScoring?: () => void,
    helpers: MessagePort[] = [],
  ): Promise<AnalysisResult> {
    last = null;
    readParts = [0, 0];
    runMark('analyse', true);
    // The tables come straight from the parse workers when given as ports (not through the main thread).
    const received = await Promise.all([receiveTable(referenceSource), receiveTable(productionSource)]);
    runMark('received');
    const [reference, production] = received.map((r) => r.table);
    readParts = received.map((r) => r.parts);
    const kernels = await loadKernels();
    const analysis = await analyseInParallel(reference, production, config, kernels, helpers, {
      duplicates: [received[0].duplicates, received[1].duplicates],
      plansAlone: [received[0].plansAlone, received[1].plansAlone],
    });
    for (const port of helpers) port.close();
    runMark('analysed');
    // The classifier trains here, in the worker, off the main thread.
    await addDomainClassifier(analysis, reference, production, config);
    let performance: PerformanceStats | null = null;
    if (model || config.data.prediction_column || config.data.probability_column) {
      await onScoring?.();
      const runner = model ? await createOnnxRunner(model.bytes, model.name) : null;
      try {
        performance = await analysePerformance({ reference, production, config, kernels, runner, modelFile: model?.name });
        if (runner && model && performance) {
          analysis.driftImpact = await driftImpact(runner, reference, analysis.stats, driftImpactOptions(config, model.name));
        }
      } finally {
        await runner?.release();
      }
    }
    last = { mode: 'tables', reference, production, analysis };
    runMark('answer');
    return { analysis, performance };
  },

  /**
   * A run where a side is a profile (`*.profile`, told by its first bytes): each profile side is decoded
   * (a bad file is one InputError naming it), each CSV side profiled as it streams in, and the two
   * profiles compared. `onProgress` gets the CSV bytes read so far, both sides together (throttled).
   */
  async analyseProfiles(
    reference: { name: string; data: Blob },
    production: { name: string; data: Blob },
    request: { reference: ParseRequest; production: ParseRequest },
    config: Config,
    onProgress?: (bytesRead: number) => void,
  ): Promise<AnalysisResult> {
    last = null;
    readParts = [0, 0];
    const read = [0, 0];
    let shown = 0;
    const progress = (i: number) => (bytesRead: number) => {
      read[i] = bytesRead;
      const now = performance.now();
      if (!onProgress || now - shown < PROGRESS_EVERY_MS) return;
      shown = now;
      void onProgress(read[0] + read[1]);
    };
    const [ref, prod] = await Promise.all([
      sideProfile(reference, request.reference, config, progress(0)),
      sideProfile(production, request.production, config, progress(1)),
    ]);
    const analysis = analyseProfiles(ref.profile, prod.profile, config);
    await addDomainClassifier(analysis, null, null, config);
    last = { mode: 'profiles', reference: ref.profile, production: prod.profile, referenceFromCsv: !ref.fromFile, analysis };
    return { analysis, performance: null };
  },

  /**
   * A run against a reference profile that scores a model (or reads prediction columns) on production:
   * as the CLI does, production comes as a parsed table (the model needs its rows) and is profiled from
   * it; the reference keeps no rows, so the performance section has production's side only (no
   * baseline, no F1 drop, no prediction drift). `onScoring` is called before the model runs.
   */
  async analyseProfileAndTable(
    reference: { name: string; data: Blob },
    productionSource: TableSource,
    productionSize: number,
    request: ParseRequest,
    config: Config,
    model: ModelInput | null = null,
    onScoring?: () => void,
  ): Promise<AnalysisResult> {
    last = null;
    readParts = [0, 0];
    const { table: production, parts } = await receiveTable(productionSource);
    readParts = [0, parts];
    const ref = await sideProfile(reference, request, config, () => undefined);
    // Undecided number formats are settled as a lone file's, as the streamed profile of a CSV settles them.
    resolveAlone(production);
    const prod = profileFromTable(production, {
      config: profileConfigOf(config),
      source: {
        file: production.file,
        size: productionSize,
        sha256: null,
        delimiter: production.delimiter,
        missingValues: [...request.missingValues],
        encoding: production.delimiter === PARQUET_SOURCE ? PARQUET_SOURCE : request.encoding,
        decimal: request.decimal,
        thousands: request.thousands,
        dropped: [...(production.notParsed ?? [])],
        label: config.data.label_column,
      },
    });
    const analysis = analyseProfiles(ref.profile, prod, config);
    await addDomainClassifier(analysis, null, null, config);
    await onScoring?.();
    const kernels = await loadKernels();
    const runner = model ? await createOnnxRunner(model.bytes, model.name) : null;
    let performance: PerformanceStats | null;
    try {
      performance = await analysePerformance({
        reference: null,
        referenceName: ref.profile.source?.file ?? reference.name,
        production,
        config,
        kernels,
        runner,
        modelFile: model?.name,
      });
    } finally {
      await runner?.release();
    }
    last = { mode: 'profiles', reference: ref.profile, production: prod, referenceFromCsv: !ref.fromFile, analysis };
    return { analysis, performance };
  },

  /**
   * The reference profile of the last run, encoded as a `*.profile` file: built from the parsed
   * reference table (a run on two CSVs), or the profile its reference CSV was streamed into (a run
   * against a production profile). `source` is the reference file itself, hashed here (SHA-256 of its
   * bytes); `request` the reading settings the run used.
   */
  async referenceProfile(source: { name: string; data: Blob }, request: ParseRequest, config: Config): Promise<BuiltProfile> {
    if (!last || (last.mode === 'profiles' && !last.referenceFromCsv))
      throw new Error('no reference CSV to profile; run an analysis with a reference CSV first');
    const sha256 = await sha256OfBlob(source.data);
    let profile: Profile;
    if (last.mode === 'profiles') {
      // Streamed from the CSV already; only the hash was left out (profileCsv reads no whole file).
      profile = { ...last.reference, source: last.reference.source && { ...last.reference.source, file: source.name, sha256 } };
    } else {
      const table = last.reference;
      profile = profileFromTable(table, {
        config: profileConfigOf(config),
        createdAt: new Date().toISOString(),
        source: {
          file: source.name,
          size: source.data.size,
          sha256,
          delimiter: table.delimiter,
          missingValues: [...request.missingValues],
          encoding: table.delimiter === PARQUET_SOURCE ? PARQUET_SOURCE : request.encoding,
          decimal: request.decimal,
          thousands: request.thousands,
          dropped: [...(table.notParsed ?? [])],
          label: config.data.label_column,
        },
      });
    }
    const bytes = encodeProfile(profile);
    const built: BuiltProfile = {
      bytes,
      created: profile.createdAt,
      file: source.name,
      rows: profile.rows,
      columns: profile.columns.length,
      sha256,
      size: source.data.size,
    };
    return Comlink.transfer(built, [bytes.buffer]);
  },

  /**
   * Retrains on the last run's tables (src/workers/retrain); the challenger's bytes are transferred.
   * A cancelRetrain() during the call ends it with `{ kind: 'cancelled' }` rather than an error.
   */
  async retrain(req: RetrainRequest, onProgress?: (p: FitProgress) => void): Promise<RetrainOutcome<RetrainResponse>> {
    if (!last) throw new Error('no analysis to retrain on; run an analysis first');
    if (last.mode !== 'tables') throw new Error(PROFILE_RETRAIN_REASON);
    const tables = last;
    retraining?.abort();
    const controller = (retraining = new AbortController());
    try {
      const out = await untilCancelled(
        retrainTables({ ...tables, plans: tables.analysis.plans }, req, onProgress, controller.signal),
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
    if (last?.mode === 'profiles') return { ok: false, reason: PROFILE_RETRAIN_REASON };
    return retrainReadiness(last && { ...last, plans: last.analysis.plans }, label);
  },

  /**
   * The self-contained HTML report of the last run (the CLI's --html, the same renderer): bounded
   * distributions from the kept tables or profiles, each input hashed here (streamed past 256 MB).
   */
  async htmlReport(report: Report, inputs: readonly { role: string; name: string; data: Blob }[], configText: string): Promise<string> {
    if (!last) throw new Error('no analysis to report on; run the analysis first');
    const source: DistributionSource =
      last.mode === 'profiles'
        ? { mode: 'profiles', reference: last.reference, production: last.production }
        : { mode: 'tables', reference: last.reference, production: last.production };
    const files: InputFileInfo[] = [];
    for (const f of inputs) files.push({ role: f.role, name: f.name, size: f.data.size, sha256: await sha256OfBlob(f.data) });
    return renderHtmlReport({ report, distributions: reportDistributions(report.features, source), inputs: files, configText });
  },

  /** In how many parts the last run's CSVs were parsed, reference and production (1: one piece; 0: not parsed here). */
  readParts(): number[] {
    return readParts;
  },

  /**
   * A run with windows (windows.every set, or several production files): the whole run as without
   * windows, then every window against the reference (windowedRun.ts). A reference profile comes as
   * its file (decoded here); a reference CSV as its parsed table.
   */
  async analyseWindowed(
    reference: ParsedTable | { name: string; data: Blob },
    input: Omit<WindowedInput, 'reference' | 'runner' | 'modelFile'>,
    model: ModelInput | null = null,
  ): Promise<AnalysisResult> {
    // Released once the run is scored; a failed run's worker is terminated with its Run.
    const runner = model ? await createOnnxRunner(model.bytes, model.name) : null;
    last = null;
    lastWindows = null;
    readParts = [0, 0];
    const fromProfile = 'data' in reference && reference.data instanceof Blob;
    const ref = fromProfile
      ? decodeProfile(new Uint8Array(await reference.data.arrayBuffer()), reference.name)
      : (reference as ParsedTable);
    const out = await analyseWindowed({ ...input, reference: ref, runner, modelFile: model?.name });
    // As the CLI's report, which names the profile file it read.
    if (fromProfile) out.analysis.reference = { ...out.analysis.reference, file: reference.name };
    last =
      out.referenceTable && out.productionTable
        ? { mode: 'tables', reference: out.referenceTable, production: out.productionTable, analysis: out.analysis }
        : {
            mode: 'profiles',
            reference: out.referenceProfile,
            production: out.productionProfile ?? profileFromTable(input.productions[0], { config: profileConfigOf(input.config) }),
            referenceFromCsv: !fromProfile,
            analysis: out.analysis,
          };
    lastWindows = { analysis: out.windows, config: input.config };
    // The whole run's performance section as the CLI's runWindows gives it: one pair of tables.
    const { prediction_column, probability_column } = input.config.data;
    const performance =
      (runner !== null || prediction_column !== null || probability_column !== null) && out.referenceTable && out.productionTable
        ? await analysePerformance({
            reference: out.referenceTable,
            production: out.productionTable,
            config: input.config,
            kernels: await loadKernels(),
            ...(runner ? { runner, modelFile: model?.name } : {}),
            ...(out.scored ? { scored: [out.scored.reference, out.scored.production] } : {}),
          })
        : null;
    if (runner && performance && out.referenceTable)
      out.analysis.driftImpact = await driftImpact(
        runner,
        out.referenceTable,
        out.analysis.stats,
        driftImpactOptions(input.config, model?.name ?? 'model.onnx'),
      );
    await runner?.release();
    return {
      analysis: out.analysis,
      performance,
      windows: decideWindows(out.windows, input.config),
      windowWarnings: out.windows.warnings,
      labelStats: out.labelStats,
      productionRows: input.productions.map((t) => t.rows),
    };
  },

  /** The last windowed run's windows decided with `thresholds` (null without one). */
  decideWindows(thresholds: Thresholds): { windows: WindowResult[]; windowing: WindowingReport } | null {
    if (!lastWindows) return null;
    return decideWindows(lastWindows.analysis, { ...lastWindows.config, thresholds });
  },

  /** SHA-256 (hex) of each blob (the History's file hashes), streamed so memory stays bounded. */
  async hashFiles(blobs: readonly Blob[]): Promise<string[]> {
    const out: string[] = [];
    for (const b of blobs) out.push(await sha256OfBlob(b));
    return out;
  },

  distribution(feature: string): FeatureDistribution | null {
    if (!last) return null;
    if (last.mode === 'profiles') return profileDistribution(feature, last.analysis.stats, last.reference, last.production);
    return featureDistribution(feature, last.analysis.stats, last.reference, last.production);
  },
};

export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);

/**
 * One side of a profile run as a profile: a `*.profile` file decoded, or a CSV streamed into one
 * (chunk by chunk, so memory is bounded by the profile, not the file).
 */
async function sideProfile(
  side: { name: string; data: Blob },
  request: ParseRequest,
  config: Config,
  onProgress: (bytesRead: number) => void,
): Promise<{ profile: Profile; fromFile: boolean }> {
  if (hasProfileMagic(new Uint8Array(await side.data.slice(0, PROFILE_MAGIC.length).arrayBuffer())))
    return { profile: decodeProfile(new Uint8Array(await side.data.arrayBuffer()), side.name), fromFile: true };
  if (await isParquetBlob(side.data, side.name)) {
    // Row group by row group, read by ranges of the File: memory holds the profile and one row group.
    const profile = await profileParquet(blobBuffer(side.data), {
      file: side.name,
      missingValues: request.missingValues,
      skipColumns: request.skipColumns,
      profile: profileConfigOf(config),
      label: config.data.label_column,
      onProgress,
    });
    return { profile, fromFile: false };
  }
  const profile = await profileCsv(side.data, {
    ...request,
    file: side.name,
    profile: profileConfigOf(config),
    label: config.data.label_column,
    onProgress,
  });
  return { profile, fromFile: false };
}

/**
 * A run with windows (windows.every set, or several production files): the production files are read
 * as tables, their timestamp column tapped while parsing (windows/timestampColumn.ts); the whole run is
 * analysed as without windows (two tables: analyse; otherwise the profiles: analyseProfiles), then each
 * window against the reference profile (windows/analyseWindows.ts), and report.windows, report.windowing
 * and report.label_drift are filled.
 */
import { trace } from './threadTrace.ts';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../core/config/types.ts';
import type { Report } from '../core/report/types.ts';
import type { ParsedTable } from '../core/table/types.ts';
import type { Profile } from '../core/profile/columnProfile.ts';
import { InputError } from '../core/errors.ts';
import { analyse, type Analysis } from '../core/analyse.ts';
import { mergeProfiles, profileConfigOf, profileFromTable } from '../core/profile/profileBuilder.ts';
import { buildReport } from '../core/buildReport.ts';
import { analysePerformance } from '../core/performance.ts';
import { addDomainClassifier } from '../core/quality/domainClassifier.ts';
import { columnsToSkip } from '../core/table/columnsToSkip.ts';
import { TimestampColumn, type TimestampValues } from '../core/windows/timestampColumn.ts';
import {
  analyseWindows,
  cutWindows,
  finishWindows,
  prepareWindows,
  type WindowsInput,
  type WindowsPrep,
} from '../core/windows/analyseWindows.ts';
import { ColumnWorker, ColumnWorkerLost, SpawnedColumnWorker } from './windowColumns.ts';
import { readProductionInHalves, SPLIT_MIN_BYTES } from './readWindowsProduction.ts';
import type { FeatureStats } from '../core/report/types.ts';
import type { ColumnPlan } from '../core/table/types.ts';
import { analyseProfiles, profileFile } from '../core/profile/analyseProfiles.ts';
import { profileFacts } from '../core/profile/profileFacts.ts';
import { planColumnsFromFacts } from '../core/table/planColumns.ts';
import { planConfig } from '../core/analyse.ts';
import { addLabelDrift } from '../core/windows/labelDrift.ts';
import { decideWindows } from '../core/windows/decideWindows.ts';
import { addWindowsPerformance } from '../core/windows/windowPerformance.ts';
import { testsOfRun } from '../core/stattests/testChoice.ts';
import { loadKernels } from '../kernels/loadKernels.ts';
import { isProfileFile, readProfileFile } from './readProfileFile.ts';
import { readCsvFile } from './readCsvFile.ts';
import { readModelFile } from './readModelFile.ts';
import { driftImpact, driftImpactOptions } from '../core/quality/driftImpact.ts';
import { scoreRun } from '../core/windows/windowPerformance.ts';
import { packageVersion } from './version.ts';
import { checkSameColumns, labelProfile } from '../core/windows/productionTables.ts';

export interface WindowsRunInput {
  config: Config;
  reference: string | ParsedTable;
  productions: (string | ParsedTable)[];
  generatedAt?: string;
  /** ONNX model file (overrides config model.path): scores every production row, performance per window. */
  model?: string | null;
  /** Production rows from which a worker thread takes a share of the columns (windowColumns.ts; default COLUMN_WORKER_MIN_ROWS). */
  columnWorkerMinRows?: number;
  /** Production file size from which it is read in two halves at once (readWindowsProduction.ts; default SPLIT_MIN_BYTES). */
  splitMinBytes?: number;
}

export interface WindowsRunResult {
  report: Report;
  reference: ParsedTable | null;
  referenceProfile: Profile;
  productions: ParsedTable[];
  timings: { parse: number; detect: number; tests: number; windows: number; total: number };
}

/**
 * The production files of a run: a folder stands for its *.csv files in name order; several paths are
 * taken in the order given.
 */
export async function expandProductions(sources: readonly (string | ParsedTable)[]): Promise<(string | ParsedTable)[]> {
  const out: (string | ParsedTable)[] = [];
  for (const src of sources) {
    if (typeof src !== 'string') {
      out.push(src);
      continue;
    }
    const s = await stat(src).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(src)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
      if (names.length === 0) throw new InputError(`the production folder ${src} has no .csv file; put the production CSVs in it`);
      out.push(...names.map((n) => join(src, n)));
    } else out.push(src);
  }
  return out;
}

export async function runWindows(input: WindowsRunInput): Promise<WindowsRunResult> {
  const spawned = await spawnColumnWorker(input);
  try {
    return await runWindowsWith(input, spawned);
  } catch (e) {
    // The column worker stopped with columns it was lent (an internal failure): the run once more, on this thread.
    if (e instanceof ColumnWorkerLost) return runWindowsWith({ ...input, columnWorkerMinRows: Infinity }, null);
    throw e;
  } finally {
    spawned?.closeUnused();
  }
}

/**
 * The column worker (windowColumns.ts) started at once when it will likely be used (a reference
 * profile and one large production CSV): its thread starts while the file is parsed.
 */
async function spawnColumnWorker(input: WindowsRunInput): Promise<SpawnedColumnWorker | null> {
  const [production] = input.productions;
  if (input.productions.length !== 1 || typeof production !== 'string' || typeof input.reference !== 'string') return null;
  const size = (await stat(production).catch(() => null))?.size ?? 0;
  if (size < (input.splitMinBytes ?? SPLIT_MIN_BYTES) || !(await isProfileFile(input.reference))) return null;
  return SpawnedColumnWorker.spawn();
}

async function runWindowsWith(input: WindowsRunInput, spawned: SpawnedColumnWorker | null): Promise<WindowsRunResult> {
  const t0 = performance.now();
  trace('runWindows start');
  const { config } = input;
  if (config.retraining.enabled)
    throw new InputError('retraining with windows is not supported; set retraining.enabled: false or run without windows');
  const modelPath = input.model ?? config.model.path;
  const read = {
    delimiter: config.data.delimiter,
    missingValues: config.data.missing_values,
    encoding: config.data.encoding,
    decimal: config.data.decimal,
    thousands: config.data.thousands,
    skipColumns: columnsToSkip(config, modelPath !== null),
  };
  const column = config.windows.column;
  const refIsProfile = typeof input.reference === 'string' && (await isProfileFile(input.reference));
  // With a reference table both files are parsed at once already; with a profile the second core reads half the production.
  const halves = refIsProfile && input.productions.length === 1;
  const readProduction = async (src: string | ParsedTable): Promise<{ table: ParsedTable; stamps: TimestampValues | null }> => {
    if (typeof src !== 'string') {
      if (column !== null)
        throw new InputError('windows.column needs the production files as paths (their timestamp cells are read while parsing)');
      return { table: src, stamps: null };
    }
    if (await isProfileFile(src))
      throw new InputError(`windows need the production rows; pass the production CSV instead of the profile ${src}`);
    // One production file against a profile: its two halves read at once (readWindowsProduction.ts).
    if (column !== null && halves) {
      const read2 = await readProductionInHalves(
        src,
        read,
        {
          column,
          timeZone: config.windows.timezone,
          missingValues: config.data.missing_values,
        },
        { minBytes: input.splitMinBytes },
      );
      if (read2 !== null) return read2;
    }
    const tap = column !== null ? new TimestampColumn(config.windows.timezone, config.data.missing_values) : null;
    const table = await readCsvFile(src, {
      ...read,
      ...(tap
        ? { cellTap: { column: column!, add: (r, raw) => tap.add(r, raw), addTime: (r, ms, instant) => tap.addTime(r, ms, instant) } }
        : {}),
    });
    return { table, stamps: tap ? tap.finish(table.rows) : null };
  };
  const [reference, read2] = await Promise.all([
    refIsProfile
      ? readProfileFile(input.reference as string).then((p) => (trace('reference profile read'), p))
      : typeof input.reference === 'string'
        ? readCsvFile(input.reference, read)
        : Promise.resolve(input.reference),
    Promise.all(input.productions.map(readProduction)),
  ]);
  const productions = read2.map((r) => r.table);
  const stamps = column !== null ? read2.map((r) => r.stamps!) : null;
  trace('read done');
  checkSameColumns(productions);
  // The windows cut before the profile: with one production table the profile keeps each number's window (sortedNumbers.ts).
  const cut = cutWindows(config, productions, stamps);
  const windowOf = productions.length === 1 ? (cut.index?.windowOf ?? null) : null;
  trace('windows cut');
  const t1 = performance.now();

  const referenceTable = refIsProfile ? null : (reference as ParsedTable);
  let columnWorker: ColumnWorker | null = null;
  let early: WindowsPrep | null = null;
  let earlyStats: Promise<Map<string, FeatureStats[] | null>> | null = null;
  const windowsInput = (plans: readonly ColumnPlan[]): WindowsInput => ({
    reference: referenceProfile,
    referenceTable,
    productions,
    timestamps: stamps,
    plans,
    config,
    tests: testsOfRun(config),
    withModel: modelPath !== null,
    cut,
    productionProfile,
  });
  let analysis: Analysis;
  let referenceProfile: Profile;
  let productionProfile: Profile | null = null;
  const profileOptions = { config: profileConfigOf(config) };
  if (referenceTable !== null && productions.length === 1) {
    // As a run without windows on the same two files: the same report, windows added.
    analysis = analyse(referenceTable, productions[0], config, await loadKernels());
    await addDomainClassifier(analysis, referenceTable, productions[0], config);
    referenceProfile = profileFromTable(referenceTable, profileOptions);
  } else {
    referenceProfile = referenceTable !== null ? profileFromTable(referenceTable, profileOptions) : (reference as Profile);
    // One production table against a profile: a worker thread takes a share of its columns (windowColumns.ts).
    columnWorker =
      referenceTable === null && productions.length === 1
        ? ColumnWorker.start(productions[0], config, profileOptions.config, input.columnWorkerMinRows, spawned, windowOf)
        : null;
    trace('worker started');
    productionProfile = columnWorker
      ? await columnWorker.profile({ ...profileOptions, source: null })
      : productions
          // One production table: its numbers sorted once, for this profile and the windows' pass (sortedNumbers.ts).
          .map((t) => profileFromTable(t, { ...profileOptions, source: null, keepSortedNumbers: productions.length === 1, windowOf }))
          .reduce((a, b) => mergeProfiles(a, b));
    trace('profile done');
    if (columnWorker) {
      // The worker's windows start now, on the plans analyseProfiles makes next (checked against them below).
      const refFile = profileFile(referenceProfile, 'reference profile');
      const plans = planColumnsFromFacts(
        profileFacts(referenceProfile, refFile),
        profileFacts(productionProfile, namedSource(productions)!.file),
        planConfig(config),
      ).plans;
      early = prepareWindows(windowsInput(plans));
      trace('prepared');
      earlyStats = columnWorker.windows(early);
    }
    analysis = analyseProfiles(referenceProfile, { ...productionProfile, source: namedSource(productions) }, config);
    // Named as given (a table's file, a profile's path), as a run without windows names it.
    analysis.reference = { ...analysis.reference, file: typeof input.reference === 'string' ? input.reference : input.reference.file };
    await addDomainClassifier(analysis, null, null, config);
    trace('analysed');
  }
  const t2 = performance.now();
  // A model scores the reference and every production row once (the whole run's and each window's performance).
  const model = modelPath !== null ? await readModelFile(modelPath) : null;
  const scored = model && referenceTable !== null ? await scoreRun(model, referenceTable, productions, config) : null;
  // The whole run's performance section, as without windows, when there is one pair of tables.
  const withPredictions = model !== null || config.data.prediction_column !== null || config.data.probability_column !== null;
  const perf =
    withPredictions && referenceTable !== null && productions.length === 1
      ? await analysePerformance({
          reference: referenceTable,
          production: productions[0],
          config,
          kernels: await loadKernels(),
          ...(model ? { runner: model.runner, modelFile: model.file } : {}),
          ...(scored ? { scored: [scored.reference, scored.production] } : {}),
        })
      : null;
  if (model && perf && referenceTable !== null)
    analysis.driftImpact = await driftImpact(model.runner, referenceTable, analysis.stats, driftImpactOptions(config, model.file));
  const report = buildReport(
    analysis,
    config,
    { generatedAt: input.generatedAt ?? new Date().toISOString(), version: packageVersion() },
    perf,
  );
  if (withPredictions && perf === null)
    report.warnings.push(
      'the whole-run performance section needs the reference rows and one production file; with windows over a profile or several files it is left out (prediction drift is in each window)',
    );
  trace('report built');
  const same = early !== null && samePlans(early.input.plans, analysis.plans);
  // Not the plans the worker's windows started on: its columns back first (analyseWindows reads every column here).
  if (!same) await earlyStats;
  const windowsAnalysis = same
    ? finishWindows(early!, await ownColumns(early!, columnWorker!, earlyStats!))
    : analyseWindows(windowsInput(analysis.plans));
  trace('windows done');
  columnWorker?.close();
  await addWindowsPerformance(windowsAnalysis, {
    referenceTable,
    productions,
    config,
    kernels: await loadKernels(),
    ...(model ? { runner: model.runner, modelFile: model.file, scored } : {}),
  });
  await model?.runner.release();
  const decided = decideWindows(windowsAnalysis, config);
  report.warnings.push(...windowsAnalysis.warnings);
  addLabelDrift(report, referenceProfile, productionProfile ?? labelProfile(productions, config), config);
  report.windows = decided.windows;
  report.windowing = decided.windowing;
  trace('decided');
  const t3 = performance.now();
  return {
    report,
    reference: referenceTable,
    referenceProfile,
    productions,
    timings: { parse: t1 - t0, detect: analysis.timings.detect, tests: analysis.timings.tests, windows: t3 - t2, total: t3 - t0 },
  };
}

/** The worker's features (already under way) and this thread's, by name, for finishWindows. */
async function ownColumns(
  prep: WindowsPrep,
  worker: ColumnWorker,
  theirs: Promise<Map<string, FeatureStats[] | null>>,
): Promise<Map<string, FeatureStats[] | null>> {
  const done = new Map<string, FeatureStats[] | null>();
  // No column passes: each window's profile, after the worker's columns are back.
  if (prep.index === null || !prep.tester.columnPasses) return (await theirs, done);
  for (const plan of prep.tester.featurePlans)
    if (!worker.names.has(plan.name)) done.set(plan.name, prep.tester.columnStats(prep.index, plan));
  trace('own columns done');
  for (const [name, stats] of await theirs) done.set(name, stats);
  trace('worker windows received');
  return done;
}

function samePlans(a: readonly ColumnPlan[], b: readonly ColumnPlan[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A profile source naming the production files end to end (as the report's data.production.file). */
function namedSource(productions: readonly ParsedTable[]): Profile['source'] {
  return {
    file: productions.map((t) => t.file).join(' + '),
    size: 0,
    sha256: null,
    delimiter: productions[0].delimiter,
    missingValues: [],
    encoding: 'auto',
    decimal: 'auto',
    thousands: 'auto',
    dropped: [...(productions[0].notParsed ?? [])],
    label: null,
  };
}

/**
 * Target drift in a run without windows: only when thresholds.label_drift is set (true or false), so
 * that other reports stay as they were. Either side a table or a profile.
 */
export function addLabelDriftWithoutWindows(
  report: Report,
  reference: ParsedTable | Profile,
  production: ParsedTable | Profile,
  config: Config,
): void {
  if (config.thresholds.label_drift === undefined || config.data.label_column === null) return;
  const asProfile = (side: ParsedTable | Profile): Profile | null => ('config' in side ? side : labelProfile([side], config));
  const r = asProfile(reference);
  const p = asProfile(production);
  if (r !== null) addLabelDrift(report, r, p, config);
}

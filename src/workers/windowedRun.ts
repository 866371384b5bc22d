/**
 * A dashboard run with windows, in the analysis worker, made of the same core steps in the same order
 * as the CLI's src/node/runWindows.ts (which also reads files; this side gets parsed tables): the whole
 * run as without windows (a reference table and one production file: analyse(); otherwise the
 * profiles: analyseProfiles() on the production files' merged profile), then every window against the
 * reference profile (analyseWindows), a model scoring every row once. Everything here is threshold-free; the page decides the
 * windows and the label drift with the live thresholds (decideWindows, labelDriftReport).
 */
import { analyse, type Analysis } from '../core/analyse.ts';
import type { Config } from '../core/config/types.ts';
import { InputError } from '../core/errors.ts';
import type { Profile } from '../core/profile/columnProfile.ts';
import { analyseProfiles, profileFeatureStats } from '../core/profile/analyseProfiles.ts';
import { mergeProfiles, profileConfigOf, profileFromTable } from '../core/profile/profileBuilder.ts';
import { addDomainClassifier } from '../core/quality/domainClassifier.ts';
import type { FeatureStats } from '../core/report/types.ts';
import { testsOfRun } from '../core/stattests/testChoice.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { analyseWindows, labelPlan, type TimestampValues, type WindowsAnalysis } from '../core/windows/api.ts';
import { addWindowsPerformance, scoreRun, type ScoredRun } from '../core/windows/windowPerformance.ts';
import type { ModelRunner } from '../core/model/runner.ts';
import { loadKernels } from '../kernels/loadKernels.ts';
import { checkSameColumns, labelProfile } from '../core/windows/productionTables.ts';

export interface WindowedInput {
  /** The reference CSV's table, or a decoded reference profile. */
  reference: ParsedTable | Profile;
  /** The production files in order (one window each when windows.every is null). */
  productions: ParsedTable[];
  /** Each production file's timestamp column (windows.column set), else null. */
  timestamps: TimestampValues[] | null;
  config: Config;
  /** A loaded ONNX model (the worker's runner): scores every row; performance and prediction drift per window. */
  runner?: ModelRunner | null;
  /** The model's file name, for messages. */
  modelFile?: string;
}

export interface WindowedOutput {
  analysis: Analysis;
  windows: WindowsAnalysis;
  labelStats: FeatureStats | null;
  /** What the explorer and the HTML report read afterwards. */
  referenceTable: ParsedTable | null;
  referenceProfile: Profile;
  productionTable: ParsedTable | null;
  productionProfile: Profile | null;
  /** The model's predictions of the reference and every production row (null without a model or the reference rows). */
  scored: ScoredRun | null;
}

function isTable(x: ParsedTable | Profile): x is ParsedTable {
  return 'delimiter' in x && !('config' in x);
}

export async function analyseWindowed(input: WindowedInput): Promise<WindowedOutput> {
  const { config, productions } = input;
  if (config.retraining.enabled)
    throw new InputError('retraining with windows is not supported; set retraining.enabled: false or run without windows');
  checkSameColumns(productions);
  const referenceTable = isTable(input.reference) ? input.reference : null;
  const profileOptions = { config: profileConfigOf(config) };
  let analysis: Analysis;
  let referenceProfile: Profile;
  let productionProfile: Profile | null = null;
  if (referenceTable !== null && productions.length === 1) {
    // As a run without windows on the same two files: the same report, windows added.
    analysis = analyse(referenceTable, productions[0], config, await loadKernels());
    await addDomainClassifier(analysis, referenceTable, productions[0], config);
    referenceProfile = profileFromTable(referenceTable, profileOptions);
  } else {
    referenceProfile = referenceTable !== null ? profileFromTable(referenceTable, profileOptions) : (input.reference as Profile);
    productionProfile = productions
      .map((t) => profileFromTable(t, { ...profileOptions, source: null }))
      .reduce((a, b) => mergeProfiles(a, b));
    analysis = analyseProfiles(referenceProfile, { ...productionProfile, source: namedSource(productions) }, config);
    // Named as given, as a run without windows names it (a profile reference is named by the worker).
    if (referenceTable !== null) analysis.reference = { ...analysis.reference, file: referenceTable.file };
    await addDomainClassifier(analysis, null, null, config);
  }
  const tests = testsOfRun(config);
  const windows = analyseWindows({
    reference: referenceProfile,
    referenceTable,
    productions,
    timestamps: input.timestamps,
    plans: analysis.plans,
    config,
    tests,
    withModel: Boolean(input.runner),
  });
  // Performance per window from the model or the prediction columns, as the CLI's runWindows.
  const runner = input.runner ?? null;
  const model = runner ? { runner, file: input.modelFile ?? 'model.onnx' } : null;
  const scored = model && referenceTable !== null ? await scoreRun(model, referenceTable, productions, config) : null;
  await addWindowsPerformance(windows, {
    referenceTable,
    productions,
    config,
    kernels: await loadKernels(),
    ...(model ? { runner: model.runner, modelFile: model.file, scored } : {}),
  });
  const labelStats = labelOf(referenceProfile, productionProfile ?? labelProfile(productions, config), config);
  return {
    analysis,
    windows,
    labelStats,
    referenceTable,
    referenceProfile,
    productionTable: referenceTable !== null && productions.length === 1 ? productions[0] : null,
    productionProfile,
    scored,
  };
}

/** The label tested like a feature (target drift) when both sides have it, as runWindows' addLabelDrift. */
function labelOf(reference: Profile, production: Profile | null, config: Config): FeatureStats | null {
  const label = config.data.label_column;
  if (label === null || production === null) return null;
  const plan = labelPlan(reference, production, config);
  if (plan === null) return null;
  const r = reference.columns.find((c) => c.name === label)!;
  const p = production.columns.find((c) => c.name === label)!;
  return profileFeatureStats(plan, r, p, reference.rows, production.rows, config, testsOfRun(config));
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

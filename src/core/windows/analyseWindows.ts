/**
 * The heavy, threshold-free half of the windows: each window's rows as a table of their own
 * (sliceTables.ts), profiled, and every feature tested against the reference profile with the run's
 * column types (the plans of the whole run, so every window runs the same tests on the same columns),
 * as analyseProfiles does for two profiles: with exact numbers the results are those of a run on the
 * window's rows alone. The label column is tested like a feature (target drift), and the reference cut
 * into windows of the production windows' size gives the expected variation of every score.
 * decideWindows.ts adds the flags and verdicts.
 */
import type { Config } from '../config/types.ts';
import type { DataQualityStats, FeatureStats, PerformanceStats } from '../report/types.ts';
import type { ColumnPlan, ParsedTable } from '../table/types.ts';
import type { Profile } from '../profile/columnProfile.ts';
import type { StatRegistry } from '../stattests/driftTest.ts';
import { testsOfRun } from '../stattests/testChoice.ts';
import { DEFAULT_PROFILE_CONFIG, profileConfigOf, profileFromTable } from '../profile/profileBuilder.ts';
import { profileFeatureStats } from '../profile/analyseProfiles.ts';
import { profileFacts } from '../profile/profileFacts.ts';
import { profileQuality } from '../quality/dataQuality.ts';
import { planConfig } from '../analyse.ts';
import { planColumnsFromFacts } from '../table/planColumns.ts';
import type { TableFacts } from '../table/columnFacts.ts';
import { InputError } from '../errors.ts';
import { calendarWindows, fileWindows, rowWindows, type WindowPlan } from './assignWindows.ts';
import { rowOffsets, sliceTables } from './sliceTables.ts';
import type { TimestampValues } from './timestampColumn.ts';
import type { ExpectedVariation, WindowEvery, WindowSource } from './types.ts';
import { expectedVariation } from './expectedVariation.ts';
import { windowColumnStats, windowIndex, type WindowIndex } from './windowColumnStats.ts';

export interface WindowsInput {
  /** The reference as a profile (read from a .profile, or profileFromTable of the reference table). */
  reference: Profile;
  /** The reference rows, for the expected variation; null with a profile reference. */
  referenceTable: ParsedTable | null;
  /** The production files in order (same columns). */
  productions: readonly ParsedTable[];
  /** The timestamp column of each production file (timestampColumn.ts), when windows.column is set. */
  timestamps: readonly TimestampValues[] | null;
  /** The whole run's column plans (Analysis.plans). */
  plans: readonly ColumnPlan[];
  config: Config;
  tests?: StatRegistry;
  /** A model will score the rows (windowPerformance.ts): each window keeps its row numbers. */
  withModel?: boolean;
  /** The windows already cut (cutWindows of the same config, productions and timestamps). */
  cut?: WindowCut;
  /** The production table's profile (one production table), when the run made it: the label's and predictions' types from it. */
  productionProfile?: Profile | null;
}

/** One window's statistics (threshold-free). */
export interface WindowStats {
  label: string;
  source: WindowSource;
  start: string | null;
  end: string | null;
  file: string | null;
  rows: number;
  timestampMissing: number;
  timestampUnparsable: number;
  /** One per tested feature, in plan order; empty for a window without rows. */
  stats: FeatureStats[];
  /** The window's data-quality figures (unseen categories, out-of-range values), when a threshold uses them. */
  dataQuality: DataQualityStats | null;
  /** The label column tested like a feature; null without a label (or a window without rows). */
  labelStats: FeatureStats | null;
  /** data.prediction_column and data.probability_column tested like features (prediction drift). */
  predictionStats: FeatureStats[];
  /** The window's rows (over the production files end to end), kept when its performance can be computed (windowPerformance.ts). */
  rowIndex?: Int32Array;
  /** The window's performance statistics (windowPerformance.ts addWindowsPerformance); absent or null when none. */
  performance?: PerformanceStats | null;
}

export interface WindowsAnalysis {
  source: WindowSource;
  column: string | null;
  every: WindowEvery | null;
  timezone: string;
  timestamps: { missing: number; unparsable: number; unparsableExamples: string[] };
  windows: WindowStats[];
  expectedVariation: ExpectedVariation | null;
  note: string | null;
  warnings: string[];
}

/** How the run's production is windowed, or null for no windows (windows.every null, one file). */
export function windowSource(config: Config, productionFiles: number): WindowSource | null {
  const every = config.windows.every;
  if (every === null) return productionFiles > 1 ? 'file' : null;
  if (typeof every === 'number') return 'rows';
  if (config.windows.column === null)
    throw new InputError(`windows.every: ${every} needs the timestamp column; set windows.column (or --window-column)`);
  return 'time';
}

/** The label column's type by the same rules as a feature's (its facts in both profiles), or null when it is not in both. */
export function labelPlan(reference: Profile, production: Profile, config: Config): ColumnPlan | null {
  return config.data.label_column === null ? null : columnPlan(reference, production, config, config.data.label_column);
}

/**
 * A column outside the features (the label, a prediction column) typed by the same rules as a feature
 * (its facts in both profiles); null when it is not in both or is not testable.
 */
export function columnPlan(reference: Profile, production: Profile, config: Config, column: string): ColumnPlan | null {
  const only = (p: Profile, file: string): TableFacts => {
    const facts = profileFacts(p, file);
    return { ...facts, columns: facts.columns.filter((c) => c.name === column), notParsed: [] };
  };
  const ref = only(reference, 'reference');
  const prod = only(production, 'production');
  if (ref.columns.length === 0 || prod.columns.length === 0) return null;
  const cfg = { ...planConfig(config), label: null, drop: [], numerical: [], categorical: [] };
  const plan = planColumnsFromFacts(ref, prod, cfg).plans.find((p) => p.name === column);
  return plan && plan.role !== 'skipped' ? plan : null;
}

/** The statistics of one table of rows against the reference profile, with the given plans. */
export class WindowTester {
  private readonly refColumns: Map<string, Profile['columns'][number]>;
  private readonly refFacts: TableFacts;
  private readonly features: ColumnPlan[];
  private readonly columns: string[];
  private readonly tests: StatRegistry;
  private readonly quality: boolean;

  constructor(
    private readonly reference: Profile,
    plans: readonly ColumnPlan[],
    private readonly label: ColumnPlan | null,
    private readonly config: Config,
    tests?: StatRegistry,
    private readonly predictions: readonly ColumnPlan[] = [],
  ) {
    this.refColumns = new Map(reference.columns.map((c) => [c.name, c]));
    this.refFacts = profileFacts(reference, 'reference');
    this.features = plans.filter((p) => p.role !== 'skipped');
    this.columns = [...this.features.map((p) => p.name), ...(label ? [label.name] : []), ...predictions.map((p) => p.name)];
    this.tests = tests ?? testsOfRun(config);
    const t = config.thresholds;
    this.quality = t.unseen_share !== null || t.out_of_range_share !== null;
  }

  /** The column names a window table needs. */
  get neededColumns(): readonly string[] {
    return this.columns;
  }

  test(table: ParsedTable): {
    stats: FeatureStats[];
    dataQuality: DataQualityStats | null;
    labelStats: FeatureStats | null;
    predictionStats: FeatureStats[];
  } {
    if (table.rows === 0) return { stats: [], dataQuality: null, labelStats: null, predictionStats: [] };
    const profile = profileFromTable(table, { config: profileConfigOf(this.config) });
    const prodColumns = new Map(profile.columns.map((c) => [c.name, c]));
    const one = (plan: ColumnPlan) =>
      profileFeatureStats(
        plan,
        this.refColumns.get(plan.name)!,
        prodColumns.get(plan.name)!,
        this.reference.rows,
        profile.rows,
        this.config,
        this.tests,
      );
    const stats = this.features.map(one);
    const labelStats = this.label && prodColumns.has(this.label.name) ? one(this.label) : null;
    const dataQuality = this.quality
      ? profileQuality(
          this.reference,
          profile,
          this.refFacts,
          profileFacts(profile, table.file),
          this.features,
          stats,
          planConfig(this.config),
        )
      : null;
    const predictionStats = this.predictions.filter((p) => prodColumns.has(p.name)).map(one);
    return { stats, dataQuality, labelStats, predictionStats };
  }

  /** One feature's statistics in every window of `index` (windowColumnStats), null when it needs the window profiles. */
  columnStats(index: WindowIndex, plan: ColumnPlan): FeatureStats[] | null {
    const ref = this.refColumns.get(plan.name);
    return ref === undefined ? null : windowColumnStats(plan, ref, this.reference.rows, index, this.config, this.tests);
  }

  /** False when data-quality thresholds need each window's profile: testWindows gives null, columnStats is not used. */
  get columnPasses(): boolean {
    return !this.quality;
  }

  /** The tested features' plans (skipped columns left out), in plan order. */
  get featurePlans(): readonly ColumnPlan[] {
    return this.features;
  }

  /**
   * test() of every window of `index` (its rows as a table of their own), each column in one pass over
   * all windows (windowColumnStats.ts) instead of a profile per window; null when a column needs the
   * profiles (then call test() per window), or when data-quality thresholds need the window profiles.
   * `done`: features already computed elsewhere (columnStats of the same index, e.g. on another thread), by name.
   */
  testWindows(index: WindowIndex, done?: ReadonlyMap<string, FeatureStats[] | null>): ReturnType<WindowTester['test']>[] | null {
    if (this.quality) return null;
    // A column is in a window's table when every table has it and it is not high-cardinality (sliceTables).
    const present = (name: string) => index.tables.every((t) => t.columns.some((c) => c.name === name && c.highCardinality === undefined));
    const all = (plan: ColumnPlan): FeatureStats[] | null =>
      done !== undefined && done.has(plan.name) ? (done.get(plan.name) ?? null) : this.columnStats(index, plan);
    const features: FeatureStats[][] = [];
    for (const plan of this.features) {
      const s = all(plan);
      if (s === null) return null;
      features.push(s);
    }
    let label: FeatureStats[] | null = null;
    if (this.label && present(this.label.name)) {
      label = all(this.label);
      if (label === null) return null;
    }
    const predictions: FeatureStats[][] = [];
    for (const plan of this.predictions.filter((p) => present(p.name))) {
      const s = all(plan);
      if (s === null) return null;
      predictions.push(s);
    }
    return Array.from(index.windowRows, (rows, w) =>
      rows === 0
        ? { stats: [], dataQuality: null, labelStats: null, predictionStats: [] }
        : {
            stats: features.map((f) => f[w]),
            dataQuality: null,
            labelStats: label === null ? null : label[w],
            predictionStats: predictions.map((p) => p[w]),
          },
    );
  }
}

/** Every window's statistics and the expected variation. */
export function analyseWindows(input: WindowsInput): WindowsAnalysis {
  return finishWindows(prepareWindows(input));
}

/**
 * The first half of analyseWindows: the windows cut, the window of each row (`index`, null when
 * windows overlap) and the tester. Between this and finishWindows, any feature's statistics in every
 * window can be computed elsewhere (tester.columnStats on the same rows and window index, e.g. in a
 * worker holding a copy of the column) and handed to finishWindows.
 */
export interface WindowsPrep {
  input: WindowsInput;
  source: WindowSource;
  offsets: Int32Array;
  plans: WindowPlan[];
  index: WindowIndex | null;
  tester: WindowTester;
  keepRows: boolean;
  warnings: string[];
}

/**
 * The windows cut (which rows in which window), before any profile: runWindows cuts them first so
 * that the production profile can keep each number's window with its sorted numbers
 * (profile/sortedNumbers.ts); prepareWindows takes it as WindowsInput.cut.
 */
export interface WindowCut {
  source: WindowSource;
  offsets: Int32Array;
  plans: WindowPlan[];
  /** The window of each row; null when windows overlap. */
  index: WindowIndex | null;
  warnings: string[];
}

export function cutWindows(config: Config, productions: readonly ParsedTable[], timestamps: readonly TimestampValues[] | null): WindowCut {
  const source = windowSource(config, productions.length);
  if (source === null) throw new InputError('windows are off: set windows.every or give several production files');
  const offsets = rowOffsets(productions);
  const total = offsets[productions.length];
  const warnings: string[] = [];
  let plans: WindowPlan[];
  const stamps = timestamps;
  let local: Float64Array | null = null;
  if (stamps !== null) {
    // One production file: its timestamps as they are (calendarWindows only reads them).
    const one = stamps.length === 1 && stamps[0].local.length === total;
    local = one ? stamps[0].local : new Float64Array(total);
    if (!one) stamps.forEach((s, i) => local!.set(s.local, offsets[i]));
    stamps.forEach((s, i) => {
      if (s.dayOrder !== null)
        warnings.push(
          `${productions[i].file}: dates written a/b/yyyy in ${config.windows.column} were read ${s.dayOrder}${s.dayOrder === 'day-first' ? ' (no cell proved month-first)' : ''}`,
        );
    });
  }
  if (source === 'time') plans = calendarWindows(local!, config.windows.every as 'day' | 'week' | 'month', config.windows.timezone);
  else if (source === 'rows') plans = rowWindows(total, config.windows.every as number);
  else plans = fileWindows(productions.map((t) => ({ file: t.file, rows: t.rows })));
  if (plans.length === 0)
    throw new InputError(
      `windows.column "${config.windows.column}": no production row has a timestamp, so there is no window; check the column and its format`,
    );
  return { source, offsets, plans, index: windowIndex(productions, offsets, plans), warnings };
}

export function prepareWindows(input: WindowsInput): WindowsPrep {
  const { config, productions } = input;
  const cut = input.cut ?? cutWindows(config, productions, input.timestamps);
  const { source, offsets, plans, index } = cut;
  const total = offsets[productions.length];
  const warnings = [...cut.warnings];

  const labelColumn = config.data.label_column;
  const label = labelColumn === null ? null : labelPlan(input.reference, profileOfColumn(input, offsets, total, labelColumn), config);
  // Prediction drift: the prediction and probability columns tested like features in each window.
  const predictionColumns = [config.data.prediction_column, config.data.probability_column].filter((c): c is string => c !== null);
  const predictions = predictionColumns.flatMap((column) => {
    const plan = columnPlan(input.reference, profileOfColumn(input, offsets, total, column), config, column);
    return plan ? [plan] : [];
  });
  const tester = new WindowTester(input.reference, input.plans, label, config, input.tests, predictions);
  // Performance per window (windowPerformance.ts) re-reads the window's rows: labels and predictions
  // against the reference rows.
  const keepRows = input.referenceTable !== null && ((labelColumn !== null && predictionColumns.length > 0) || input.withModel === true);
  return { input, source, offsets, plans, index, tester, keepRows, warnings };
}

/**
 * One column of all production rows profiled on its own (the label, a prediction column: their
 * types). With one production table, the whole run's production profile already holds it: its
 * column profile when a profile of the column alone (default settings) would be the same, exact
 * numbers within the default's limit and the column in the table (not high-cardinality, which a
 * slice leaves out).
 */
function profileOfColumn(input: WindowsInput, offsets: Int32Array, total: number, column: string): Profile {
  const { productions, productionProfile: whole } = input;
  const c = productions.length === 1 && whole ? whole.columns.find((x) => x.name === column) : undefined;
  const inTable = productions[0]?.columns.find((x) => x.name === column);
  if (
    whole &&
    c !== undefined &&
    inTable !== undefined &&
    inTable.highCardinality === undefined &&
    whole.rows === total &&
    c.binned === undefined &&
    c.numbers.mode === 'exact' &&
    c.numbers.values.length <= DEFAULT_PROFILE_CONFIG.maxExactValues
  )
    return { config: whole.config, rows: whole.rows, columns: [c], warnings: [], source: null, createdAt: whole.createdAt };
  const every = new Int32Array(total);
  for (let i = 0; i < total; i++) every[i] = i;
  return profileFromTable(sliceTables(productions, offsets, every, [column], 'production'));
}

/** The second half of analyseWindows; `done`: features' statistics computed elsewhere (see WindowsPrep). */
export function finishWindows(prep: WindowsPrep, done?: ReadonlyMap<string, FeatureStats[] | null>): WindowsAnalysis {
  const { input, source, offsets, plans, index, tester, keepRows, warnings } = prep;
  const { config, productions } = input;
  const stamps = input.timestamps;
  const all = index === null ? null : tester.testWindows(index, done);
  const windows: WindowStats[] = plans.map((plan, i) => {
    const fileStamps = source === 'file' && stamps !== null ? stamps[i] : null;
    return {
      label: plan.label,
      source: plan.source,
      start: plan.start,
      end: plan.end,
      file: plan.file,
      rows: plan.rows.length,
      timestampMissing: fileStamps?.missing ?? 0,
      timestampUnparsable: fileStamps?.unparsable ?? 0,
      ...(all?.[i] ?? tester.test(sliceTables(productions, offsets, plan.rows, tester.neededColumns, plan.label))),
      ...(keepRows ? { rowIndex: plan.rows } : {}),
    };
  });

  const missing = stamps?.reduce((a, s) => a + s.missing, 0) ?? 0;
  const unparsable = stamps?.reduce((a, s) => a + s.unparsable, 0) ?? 0;
  if (source === 'time' && missing + unparsable > 0) {
    const examples = stamps!.flatMap((s) => s.unparsableExamples).slice(0, 3);
    warnings.push(
      `${config.windows.column}: ${missing} production row(s) without a timestamp and ${unparsable} with one that is not a date/time${examples.length ? ` (e.g. ${examples.map((e) => JSON.stringify(e)).join(', ')})` : ''} are in no window`,
    );
  }
  const band = bandOf(input, tester, windows);
  return {
    source,
    column: config.windows.column,
    every: config.windows.every,
    timezone: config.windows.timezone,
    timestamps: { missing, unparsable, unparsableExamples: stamps?.flatMap((s) => s.unparsableExamples).slice(0, 3) ?? [] },
    windows,
    expectedVariation: band.value,
    note: band.note,
    warnings,
  };
}

function bandOf(
  input: WindowsInput,
  tester: WindowTester,
  windows: WindowStats[],
): { value: ExpectedVariation | null; note: string | null } {
  if (!input.config.windows.expected_variation) return { value: null, note: 'expected variation off (windows.expected_variation: false)' };
  if (input.referenceTable === null)
    return { value: null, note: 'no expected variation: it cuts the reference rows into windows, and the reference is a profile' };
  const sizes = windows.map((w) => w.rows).filter((n) => n >= input.config.windows.min_rows);
  const usable = sizes.length ? sizes : windows.map((w) => w.rows).filter((n) => n > 0);
  if (usable.length === 0) return { value: null, note: 'no expected variation: no window has rows' };
  return expectedVariation(input.referenceTable, tester, median(usable));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}

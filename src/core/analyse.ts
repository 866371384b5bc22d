/**
 * The heavy half of a run: column typing and every statistical test, once per pair of files.
 * The result holds statistics only; flags and the verdict come from decide(), so thresholds can
 * change without re-running anything.
 */
import type { Config } from './config/types.ts';
import type { DataQualityStats, DomainClassifierStats, DriftImpactStats, FeatureStats, OutOfRange, SkippedColumn } from './report/types.ts';
import type { ColumnPlan, ParsedColumn, ParsedTable } from './table/types.ts';
import type { StatKernels } from './stattests/kernels.ts';
import { planColumnsFromFacts, type PlanColumnsConfig } from './table/planColumns.ts';
import { tableFacts, type ColumnFactsCache, type TableFacts } from './table/columnFacts.ts';
import { numberFormatWarnings, resolveNumberFormats } from './table/resolveNumberFormats.ts';
import { alignedCategoryCounts } from './table/categories.ts';
import { numericalFeatureStats } from './stattests/numericalFeature.ts';
import { numericValues } from './table/numericValues.ts';
import { categoricalStatsFromCounts } from './stattests/categoricalFeature.ts';
import { pointMassWarning } from './stattests/psi.ts';
import { approximateWarning } from './stattests/approximate.ts';
import type { StatRegistry } from './stattests/driftTest.ts';
import { tableQuality } from './quality/dataQuality.ts';
import type { RowDuplicates } from './quality/rowDuplicates.ts';
import { chosenTests, checkColumnTests, testsOfRun } from './stattests/testChoice.ts';

export interface TableMeta {
  file: string;
  rows: number;
  columns: number;
}

export interface Analysis {
  reference: TableMeta;
  production: TableMeta;
  label: string | null;
  plans: ColumnPlan[];
  stats: FeatureStats[];
  skipped: SkippedColumn[];
  warnings: string[];
  /** Data-quality figures (quality/dataQuality.ts); absent when not computed. */
  dataQuality?: DataQualityStats;
  /** The domain classifier's figures (quality/domainClassifier.ts, addDomainClassifier); absent when disabled. */
  domainClassifier?: DomainClassifierStats;
  /** Drift weighted by the model's permutation importance (quality/driftImpact.ts); absent without a model. */
  driftImpact?: DriftImpactStats;
  /** Milliseconds spent in column typing and in the tests. */
  timings: { detect: number; tests: number };
}

/**
 * Runs the tests of `tests` (default: the run's registry from the config, testChoice.ts) that the
 * config chooses for each feature.
 */
export function analyse(
  reference: ParsedTable,
  production: ParsedTable,
  config: Config,
  kernels: StatKernels,
  tests: StatRegistry = testsOfRun(config),
  typed: TypedPair = typePair(reference, production, config),
  precomputed: PrecomputedStats = {},
): Analysis {
  const { plans, refFacts, prodFacts, t0, t1 } = typed;
  const refCols = byName(reference);
  const prodCols = byName(production);
  return assembleAnalysis({
    reference: meta(reference),
    production: meta(production),
    config,
    plans,
    warnings: typed.warnings,
    featureStats: (plan) =>
      precomputed.featureStats?.get(plan.name) ??
      featureStats(plan, refCols.get(plan.name)!, prodCols.get(plan.name)!, reference.rows, production.rows, config, kernels, tests),
    dataQuality: (stats) =>
      tableQuality(reference, production, plans, stats, planConfig(config), refFacts, prodFacts, {
        outOfRange: precomputed.outOfRange,
        duplicates: precomputed.duplicates,
        plansAlone: precomputed.plansAlone,
      }),
    t0,
    t1,
  });
}

/** The typing half of analyse: the columns' plans, the warnings before the tests, each file's facts. */
export interface TypedPair {
  plans: ColumnPlan[];
  /** Parser warnings, then the number formats of each file, then typing's. */
  warnings: string[];
  refFacts: TableFacts;
  prodFacts: TableFacts;
  /** now() before typing and after it. */
  t0: number;
  t1: number;
}

/**
 * Settles the number formats of the pair and types its columns (the first half of analyse), so a
 * caller can run the per-column statistics elsewhere (worker threads) before analyse assembles them.
 */
export function typePair(
  reference: ParsedTable,
  production: ParsedTable,
  config: Config,
  /** Each file's ColumnFactsCache per column, when another thread read the same settled columns. */
  caches: readonly [readonly ColumnFactsCache[] | undefined, readonly ColumnFactsCache[] | undefined] = [undefined, undefined],
): TypedPair {
  const t0 = now();
  // Before typing: columns whose numbers were ambiguous in one file take the decimal mark from the
  // other file (the tables are settled in place, so the model and retraining see the same numbers).
  resolveNumberFormats(reference, production);
  // One set of facts for typing the pair and for the data-quality type changes (each file typed
  // alone): their lazy passes over the values run once.
  const refFacts = tableFacts(reference, caches[0]);
  const prodFacts = tableFacts(production, caches[1]);
  const { plans, warnings } = planColumnsFromFacts(refFacts, prodFacts, planConfig(config));
  const t1 = now();
  return {
    plans,
    warnings: [
      ...reference.warnings,
      ...production.warnings,
      ...numberFormatWarnings(reference),
      ...numberFormatWarnings(production),
      ...warnings,
    ],
    refFacts,
    prodFacts,
    t0,
    t1,
  };
}

/**
 * Results analyse takes instead of computing them, each exactly what analyse would compute: a
 * feature's statistics and out-of-range figures by column name, each file's duplicate rows.
 */
export interface PrecomputedStats {
  featureStats?: ReadonlyMap<string, FeatureStats>;
  outOfRange?: ReadonlyMap<string, OutOfRange>;
  duplicates?: readonly [RowDuplicates | undefined, RowDuplicates | undefined];
  /** Each file's columns typed alone, for the type changes (quality/typeChanges.ts plansAlone). */
  plansAlone?: readonly [ColumnPlan[] | undefined, ColumnPlan[] | undefined];
}

/** What analyse and analyseProfiles (profile/analyseProfiles.ts) hand to assembleAnalysis. */
export interface AnalysisParts {
  reference: TableMeta;
  production: TableMeta;
  config: Config;
  plans: ColumnPlan[];
  /** Warnings before the tests ran (reading, number formats, typing). */
  warnings: string[];
  /** The statistics of one numerical or categorical feature. */
  featureStats: (plan: ColumnPlan) => FeatureStats;
  /** The data-quality figures, given the features' statistics. */
  dataQuality?: (stats: readonly FeatureStats[]) => DataQualityStats;
  /** now() before typing and after it. */
  t0: number;
  t1: number;
}

/**
 * The feature loop and the warnings every analysis shares, whatever holds the data (two tables, two
 * profiles): skipped columns, one FeatureStats per tested feature, the PSI point-mass and
 * approximation warnings, and the warning for a run that tested nothing.
 */
export function assembleAnalysis(parts: AnalysisParts): Analysis {
  const { plans, config } = parts;
  checkColumnTests(
    config,
    new Map(plans.flatMap((p) => (p.role === 'numerical' || p.role === 'categorical' ? [[p.name, p.role] as const] : []))),
    // Dropped columns and the label are not planned; a choice for them is harmless.
    [...plans.map((p) => p.name), ...config.columns.drop, ...(config.data.label_column === null ? [] : [config.data.label_column])],
  );
  const stats: FeatureStats[] = [];
  const skipped: SkippedColumn[] = [];
  const psiWarnings: string[] = [];
  const approximateWarnings: string[] = [];
  for (const plan of plans) {
    if (plan.role === 'skipped') {
      skipped.push({ name: plan.name, reason: plan.reason });
      continue;
    }
    const s = parts.featureStats(plan);
    stats.push(s);
    const massWarning = s.type === 'numerical' && s.psi ? pointMassWarning(s.name, s.psi) : null;
    if (massWarning) psiWarnings.push(massWarning);
    if (s.type === 'numerical' && s.approximate) approximateWarnings.push(approximateWarning(s.name, s.approximate) + sampleTestsNote(s));
  }
  const dataQuality = parts.dataQuality?.(stats);
  const t2 = now();
  return {
    reference: parts.reference,
    production: parts.production,
    label: config.data.label_column,
    plans,
    stats,
    skipped,
    warnings: [
      ...parts.warnings,
      ...psiWarnings,
      ...approximateWarnings,
      // "0 of 0 features drifted" reads as a clean bill of health; a space-separated file (one column,
      // skipped as an identifier) or a drop list that takes everything ends here.
      ...(stats.length === 0
        ? [
            'no column was tested: every column is skipped, in columns.drop or the label, so the verdict says nothing about drift; check the delimiter, columns.drop and the reasons columns were skipped',
          ]
        : []),
    ],
    ...(dataQuality ? { dataQuality } : {}),
    timings: { detect: parts.t1 - parts.t0, tests: t2 - parts.t1 },
  };
}

/**
 * The tests that read whole samples (Wasserstein, Cramér-von Mises, Anderson-Darling) ran on a
 * sketch's retained items, each repeated by its weight: approximate, with no bound stated. Empty when
 * none of them ran on the feature.
 */
const SAMPLE_TESTS = ['wasserstein', 'cvm', 'anderson'];
function sampleTestsNote(s: FeatureStats): string {
  const ran = SAMPLE_TESTS.filter((key) => (s as unknown as Record<string, unknown>)[key]);
  return ran.length
    ? `; ${ran.join(', ')} ran on the sketch's retained items repeated by their weights, so ${ran.length > 1 ? 'they are' : 'it is'} approximate too, without a stated bound`
    : '';
}

/** The typing settings analyse passes to planColumns, from the config. */
export function planConfig(config: Config): PlanColumnsConfig {
  return {
    label: config.data.label_column,
    drop: config.columns.drop,
    numerical: config.columns.numerical,
    categorical: config.columns.categorical,
    maxCategoricalUnique: config.columns.max_categorical_unique,
    timestamp: config.windows.column,
  };
}

/** The statistics of one numerical or categorical feature: its two columns' tests. */
export function featureStats(
  plan: ColumnPlan,
  r: ParsedColumn,
  p: ParsedColumn,
  refRows: number,
  prodRows: number,
  config: Config,
  kernels: StatKernels,
  tests: StatRegistry,
): FeatureStats {
  const { bins, epsilon } = config.psi;
  const base = { name: plan.name, type_reason: plan.reason };
  if (plan.role === 'numerical') {
    const choose = (n: number) => chosenTests(config, plan.name, 'numerical', n);
    const s = numericalFeatureStats(kernels, numericValues(r), numericValues(p), { bins, epsilon, choose }, tests);
    return { ...base, type: 'numerical', ...s, missing: missing(s.n, refRows, prodRows) };
  }
  const { categories, refCounts, prodCounts } = alignedCategoryCounts(r, p, (codes, k) => kernels.countCodes(codes, k));
  const choose = (n: number) => chosenTests(config, plan.name, 'categorical', n);
  const s = categoricalStatsFromCounts(refCounts, prodCounts, categories, { epsilon, choose }, tests);
  return { ...base, type: 'categorical', ...s, missing: missing(s.n, refRows, prodRows) };
}

/** The missing block of a feature: rows without a value used by the tests. */
export function missing(n: { reference: number; production: number }, refRows: number, prodRows: number): FeatureStats['missing'] {
  const rc = refRows - n.reference;
  const pc = prodRows - n.production;
  return {
    reference: refRows ? rc / refRows : 0,
    production: prodRows ? pc / prodRows : 0,
    reference_count: rc,
    production_count: pc,
  };
}

function byName(t: ParsedTable): Map<string, ParsedColumn> {
  return new Map(t.columns.map((c) => [c.name, c]));
}

function meta(t: ParsedTable): TableMeta {
  return { file: t.file, rows: t.rows, columns: t.columns.length };
}

export function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

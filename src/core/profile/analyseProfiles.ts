/**
 * The analysis of two profiles: the same typing rules, tests and warnings as analyse() on the two
 * files they were made from, computed from the profiles' counts instead of rows. With exact numbers
 * every result is the raw files' result bit for bit; a sketched side makes the numerical results
 * approximate, within the bounds each feature's `approximate` block states (stattests/approximate.ts).
 */
import type { Config } from '../config/types.ts';
import { assembleAnalysis, missing, now, planConfig, type Analysis, type TableMeta } from '../analyse.ts';
import type { FeatureStats } from '../report/types.ts';
import type { ColumnPlan } from '../table/types.ts';
import { planColumnsFromFacts } from '../table/planColumns.ts';
import { columnFormatWarnings } from '../table/resolveNumberFormats.ts';
import type { StatRegistry } from '../stattests/driftTest.ts';
import { chosenTests, testsOfRun } from '../stattests/testChoice.ts';
import { categoricalStatsFromCounts } from '../stattests/categoricalFeature.ts';
import { numericalStatsFromKernel } from '../stattests/numericalFeature.ts';
import { approximateStats } from '../stattests/approximate.ts';
import { psiBins } from '../stattests/psiBins.ts';
import { linspace01 } from '../stattests/linspace.ts';
import type { NumericalKernelResult } from '../stattests/kernels.ts';
import type { ColumnProfile, NumberSummary, Profile } from './columnProfile.ts';
import type { KllSketch } from './kllSketch.ts';
import { profileFacts } from './profileFacts.ts';
import { profileQuality } from '../quality/dataQuality.ts';
import { profileCategories } from './profileCategories.ts';
import { binCounts, cdfErrorBound, ksFromNumbers, profileQuantiles, summaryCount } from './profileStats.ts';
import { profileNumberFormatWarnings } from './profileNumberFormats.ts';

/** Runs the tests of `tests` (default: the run's registry, testChoice.ts) the config chooses on every feature of two profiles. */
export function analyseProfiles(
  reference: Profile,
  production: Profile,
  config: Config,
  tests: StatRegistry = testsOfRun(config),
): Analysis {
  const t0 = now();
  const refFile = profileFile(reference, 'reference profile');
  const prodFile = profileFile(production, 'production profile');
  const refFacts = profileFacts(reference, refFile);
  const prodFacts = profileFacts(production, prodFile);
  const { plans, warnings } = planColumnsFromFacts(refFacts, prodFacts, planConfig(config));
  const t1 = now();
  const refCols = byName(reference);
  const prodCols = byName(production);
  return assembleAnalysis({
    reference: meta(reference, refFile),
    production: meta(production, prodFile),
    config,
    plans,
    warnings: [
      ...reference.warnings,
      ...production.warnings,
      ...formatWarnings(reference, refFile),
      ...formatWarnings(production, prodFile),
      ...profileNumberFormatWarnings({ profile: reference, file: refFile }, { profile: production, file: prodFile }),
      ...warnings,
    ],
    featureStats: (plan) =>
      profileFeatureStats(plan, refCols.get(plan.name)!, prodCols.get(plan.name)!, reference.rows, production.rows, config, tests),
    dataQuality: (stats) => profileQuality(reference, production, refFacts, prodFacts, plans, stats, planConfig(config)),
    t0,
    t1,
  });
}

/** A profile's name in messages and in the report: its source file's name (as a table's file name). */
export function profileFile(p: Profile, fallback: string): string {
  return p.source?.file ?? fallback;
}

function formatWarnings(p: Profile, file: string): string[] {
  // The example cell's value as read, which the profile keeps (it has no rows to look it up in).
  return columnFormatWarnings(file, p.columns, (c) => c.numberFormat?.example?.value ?? NaN);
}

export function profileFeatureStats(
  plan: ColumnPlan,
  r: ColumnProfile,
  p: ColumnProfile,
  refRows: number,
  prodRows: number,
  config: Config,
  tests: StatRegistry,
): FeatureStats {
  const { bins, epsilon } = config.psi;
  const base = { name: plan.name, type_reason: plan.reason };
  if (plan.role === 'numerical') {
    const kernel = numericalFromSummaries(r.numbers, p.numbers, bins);
    const s = numericalStatsFromKernel(
      kernel,
      () => expand(r.numbers),
      () => expand(p.numbers),
      { bins, epsilon, choose: (n) => chosenTests(config, plan.name, 'numerical', n) },
      tests,
    );
    const refError = cdfErrorBound(r.numbers);
    const prodError = cdfErrorBound(p.numbers);
    const approximate =
      s.error === null && (r.numbers.mode === 'sketch' || p.numbers.mode === 'sketch')
        ? { approximate: approximateStats(kernel.d, kernel.nRef, kernel.nProd, refError, prodError) }
        : {};
    return { ...base, type: 'numerical', ...s, ...approximate, missing: missing(s.n, refRows, prodRows) };
  }
  const { categories, refCounts, prodCounts } = profileCategories(r, p);
  const s = categoricalStatsFromCounts(
    refCounts,
    prodCounts,
    categories,
    { epsilon, choose: (n) => chosenTests(config, plan.name, 'categorical', n) },
    tests,
  );
  return { ...base, type: 'categorical', ...s, missing: missing(s.n, refRows, prodRows) };
}

/**
 * The kernels' result (StatKernels.numerical) from two columns' numbers: D as wasm/ksSorted.ts
 * (ksFromNumbers), the reference quantiles as wasm/quantileSorted.ts on numpy's grid (exactQuantiles),
 * the PSI bins by the same psiBins and counts as wasm/binCountsSorted.ts on the same thresholds
 * (binCounts). Exact numbers give the kernels' result bit for bit; a sketch gives estimates.
 */
export function numericalFromSummaries(ref: NumberSummary, prod: NumberSummary, bins: number): NumericalKernelResult {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const nRef = summaryCount(ref);
  const nProd = summaryCount(prod);
  const d = ksFromNumbers(ref, prod).statistic;
  const quantiles = Float64Array.from(profileQuantiles(ref, Array.from(linspace01(bins + 1))));
  if (nRef === 0) {
    const zeros = () => new Float64Array(bins);
    return { nRef, nProd, d, quantiles, edges: [], pointMasses: [], refCounts: zeros(), prodCounts: zeros() };
  }
  const { edges, pointMasses, thresholds } = psiBins(quantiles);
  return { nRef, nProd, d, quantiles, edges, pointMasses, refCounts: binCounts(ref, thresholds), prodCounts: binCounts(prod, thresholds) };
}

/**
 * The sample a profile's numbers stand for, ascending, for a registered test that reads samples
 * (TestInput.reference): exact numbers expand to the raw values (without the missing ones); a
 * sketch expands to its retained items, each repeated by its weight.
 */
function expand(n: NumberSummary): Float64Array {
  const { values, counts } = n.mode === 'exact' ? n : sketchItems(n.sketch);
  const out = new Float64Array(summaryCount(n));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    out.fill(values[i], at, at + counts[i]);
    at += counts[i];
  }
  return out;
}

/** A sketch's retained items ascending with their weights. */
function sketchItems(sketch: KllSketch): { values: Float64Array; counts: Float64Array } {
  const { values, cumWeights } = sketch.cdfSteps();
  return { values, counts: Float64Array.from(cumWeights, (c, i) => c - (i === 0 ? 0 : cumWeights[i - 1])) };
}

function byName(p: Profile): Map<string, ColumnProfile> {
  return new Map(p.columns.map((c) => [c.name, c]));
}

function meta(p: Profile, file: string): TableMeta {
  return { file, rows: p.rows, columns: p.columns.length };
}

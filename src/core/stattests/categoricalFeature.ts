import type { StatKernels } from './kernels.ts';
import { total } from './total.ts';
import { totalVariation } from './totalVariation.ts';
import { chosenBy, emptySampleError, runTests, type FeatureTestStats } from './featureTestStats.ts';
import type { StatRegistry } from './driftTest.ts';
import { STAT_TESTS } from './registry.ts';

export interface CategoricalTestOptions {
  /** Floor for category proportions in PSI (config psi.epsilon). */
  epsilon: number;
  /** The test ids chosen for the column, given its non-missing reference values (testChoice.ts); absent = all. */
  choose?: (nReference: number) => readonly string[];
}

/** At most this many names are listed in categories_only_in_production / _reference. */
export const MAX_LISTED_CATEGORIES = 20;

/**
 * Every registered test for categorical columns (chi-square test of homogeneity, PSI) and the drift score (= total variation distance) of one
 * categorical feature. `refCodes` and `prodCodes` index the shared `categories` list; -1 = missing.
 * The bins are the categories seen in either file, sorted; categories seen in neither are dropped
 * (a zero column would make chi-square undefined). An empty sample gives `error` and null tests.
 */
export function categoricalFeatureStats(
  k: StatKernels,
  refCodes: Int32Array,
  prodCodes: Int32Array,
  categories: string[],
  opts: CategoricalTestOptions,
  tests: StatRegistry = STAT_TESTS,
): FeatureTestStats<'categorical'> {
  const allRef = k.countCodes(refCodes, categories.length);
  const allProd = k.countCodes(prodCodes, categories.length);
  return categoricalStatsFromCounts(allRef, allProd, categories, opts, tests);
}

/**
 * categoricalFeatureStats from the counts per category of each side (`categories` in any order, some
 * counts may be 0): the one implementation for codes (tables) and for counts kept in profiles.
 */
export function categoricalStatsFromCounts(
  allRef: ArrayLike<number>,
  allProd: ArrayLike<number>,
  categories: string[],
  opts: CategoricalTestOptions,
  tests: StatRegistry = STAT_TESTS,
): FeatureTestStats<'categorical'> {
  const n = { reference: total(allRef), production: total(allProd) };
  const error = emptySampleError(n.reference, n.production);
  if (error) return { n, drift_score: null, ...runTests<'categorical'>(tests, null), error };

  const seen = categories
    .map((name, code) => ({ name, code }))
    .filter(({ code }) => allRef[code] + allProd[code] > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const refCounts = seen.map(({ code }) => allRef[code]);
  const prodCounts = seen.map(({ code }) => allProd[code]);
  const onlyIn = (here: ArrayLike<number>, there: ArrayLike<number>) =>
    seen
      .filter(({ code }) => here[code] > 0 && there[code] === 0)
      .slice(0, MAX_LISTED_CATEGORIES)
      .map(({ name }) => name);

  return {
    n,
    drift_score: totalVariation(refCounts, prodCounts),
    ...runTests<'categorical'>(
      tests,
      {
        kind: 'categorical',
        categories: seen.map(({ name }) => name),
        referenceCounts: refCounts,
        productionCounts: prodCounts,
        // bins is the numerical PSI's setting; categorical bins are the categories.
        settings: { bins: seen.length, epsilon: opts.epsilon },
      },
      chosenBy(opts.choose, n.reference),
    ),
    categories_only_in_production: onlyIn(allProd, allRef),
    categories_only_in_reference: onlyIn(allRef, allProd),
    error: null,
  };
}

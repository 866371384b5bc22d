import type { Thresholds } from '../config/types.ts';
import { chiSquareTest } from './chisquare.ts';
import { entry, type DriftTest, type StatRegistry } from './driftTest.ts';
import { ksTest } from './ks.ts';
import { psiTest } from './psi.ts';
import { wassersteinTest } from './wasserstein.ts';
import { jensenShannonTest } from './jensenShannon.ts';
import { hellingerTest } from './hellinger.ts';
import { cramerVonMisesTest } from './cramerVonMises.ts';
import { andersonDarlingTest } from './andersonDarling.ts';
import { fisherExactTest } from './fisherExact.ts';

/**
 * The drift tests the engine runs, in the order of their keys in the report (ks, chi2, psi). A new
 * test is one file exporting a DriftTest and one line here: analyse runs it, decide flags with it,
 * and the report key order, the scores CSV, the CLI summary, the HTML report's tables and the
 * dashboard's tables and threshold fields all loop over this list. Functions that take a registry default to this one; a caller (a
 * test) may pass a longer list instead.
 */
export const STAT_TESTS: StatRegistry = [entry(ksTest), entry(chiSquareTest), entry(psiTest)];

/**
 * Every test a config may choose (tests.numerical, tests.categorical, columns.tests, tests.policy), in
 * report key order: the defaults above, then the ones a run adds only when chosen (testChoice.ts), so
 * a config that chooses none of them writes the same report as before they existed.
 */
export const ALL_TESTS: StatRegistry = [
  ...STAT_TESTS,
  entry(wassersteinTest),
  entry(jensenShannonTest),
  entry(hellingerTest),
  entry(cramerVonMisesTest),
  entry(andersonDarlingTest),
  entry(fisherExactTest),
];

/** A feature's result for `test` (its report key), null when the test did not run on it. */
export function resultOf<R extends object>(test: DriftTest<R>, feature: object): R | null {
  return ((feature as Record<string, unknown>)[test.reportKey] as R | null | undefined) ?? null;
}

/** The threshold of `test` in `t`, its default when `t` does not set it. */
export function thresholdOf(test: DriftTest<object>, t: Thresholds): number {
  const v = (t as unknown as Record<string, unknown>)[test.threshold.key];
  return typeof v === 'number' ? v : test.threshold.default;
}

/**
 * The tests in the order of their thresholds in the config and the report settings: distances (`>`)
 * first, then p-values (`<`), each in registry order (ks_statistic, psi, chi2_p_value). The dashboard
 * shows its threshold fields and tables in this order too.
 */
export function thresholdOrder(tests: StatRegistry = STAT_TESTS): DriftTest<object>[] {
  return [...tests.filter((t) => t.comparison === 'distance'), ...tests.filter((t) => t.comparison === 'p_value')];
}

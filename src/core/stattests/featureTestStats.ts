import type { FeatureStats, FeatureType } from '../report/types.ts';
import type { DriftTest, StatRegistry, TestInput } from './driftTest.ts';
import { ALL_TESTS } from './registry.ts';

/** The parts of FeatureStats the statistical tests fill (the pipeline adds name, type, missing). */
export type FeatureTestStats<K extends FeatureType = FeatureType> = Omit<
  Extract<FeatureStats, { type: K }>,
  'name' | 'type' | 'type_reason' | 'missing'
>;

/** The test results of one feature, keyed by report key. */
type TestResults<K extends FeatureType> = Pick<Extract<FeatureStats, { type: K }>, 'ks' | 'chi2' | 'psi'>;

/**
 * Runs every test of `tests` that applies to the input's column kind (and to the input, DriftTest.applies)
 * and that `chosen` (the config's choice for the column, testChoice.ts) accepts, keyed by report key;
 * the others, and all of them when `input` is null (an empty sample), are null.
 */
export function runTests<K extends FeatureType>(
  tests: StatRegistry,
  input: (TestInput & { kind: K }) | null,
  chosen: (test: DriftTest<object>) => boolean = () => true,
): TestResults<K> {
  const out: Record<string, object | null> = {};
  for (const test of tests) {
    const runs = input && test.columnKinds.includes(input.kind) && chosen(test) && (test.applies?.(input) ?? true);
    out[test.reportKey] = runs ? test.run(input) : null;
  }
  // Built-in keys are typed; a registered test's key is carried at run time (resultOf reads it).
  return out as unknown as TestResults<K>;
}

/**
 * runTests' `chosen` from a column's choice (NumericalTestOptions.choose): a test of ALL_TESTS runs when
 * chosen; a test a caller registers itself (not in ALL_TESTS, which the config cannot name) always runs.
 */
export function chosenBy(
  choose: ((nReference: number) => readonly string[]) | undefined,
  nReference: number,
): (test: DriftTest<object>) => boolean {
  if (!choose) return () => true;
  const ids = choose(nReference);
  return (test) => !ALL_TESTS.includes(test) || ids.includes(test.id);
}

/** The message for a feature that has no non-missing values on one side, or null when both have some. */
export function emptySampleError(nRef: number, nProd: number): string | null {
  if (nRef > 0 && nProd > 0) return null;
  if (nRef === 0 && nProd === 0) {
    return 'no non-missing values in both files; no test can run (check the missing markers or drop the column with columns.drop)';
  }
  // decide() flags this case by missing share (all missing on one side only).
  const side = nRef === 0 ? 'the reference file' : 'the production file';
  return `no non-missing values in ${side}; no test can run, so only its missing share is compared (check the missing markers or drop the column with columns.drop)`;
}

/**
 * Which registered tests run on which column (config tests, columns.tests): the per-kind lists, a
 * column's own list, or, with tests.policy large_sample, distances on columns with more reference
 * values than tests.large_sample_rows (Evidently's rule: above 1000 rows it uses the normed
 * Wasserstein distance for numerical and Jensen-Shannon for categorical columns, since p-value tests
 * flag every trivial shift on big samples). PSI stays in the large-sample lists: it raises the overall
 * alert (decide.ts).
 */
import type { Config } from '../config/types.ts';
import { InputError } from '../errors.ts';
import { columnHint } from '../config/suggestColumn.ts';
import type { ColumnKind, StatRegistry } from './driftTest.ts';
import { ALL_TESTS, STAT_TESTS } from './registry.ts';

export const LARGE_SAMPLE_TESTS: Readonly<Record<ColumnKind, readonly string[]>> = {
  numerical: ['wasserstein', 'psi'],
  categorical: ['jensenshannon', 'psi'],
};

/** The test ids chosen for one column of `kind` with `nReference` non-missing reference values. */
export function chosenTests(config: Config, column: string, kind: ColumnKind, nReference: number): readonly string[] {
  const own = config.columns.tests;
  if (Object.hasOwn(own, column)) return own[column];
  if (config.tests.policy === 'large_sample' && nReference > config.tests.large_sample_rows) return LARGE_SAMPLE_TESTS[kind];
  return config.tests[kind];
}

/**
 * The registry of a run: the default tests (their keys are always in the report, null where not
 * chosen) and every other test the config chooses anywhere, in registry order.
 */
export function testsOfRun(config: Config, all: StatRegistry = ALL_TESTS): StatRegistry {
  const ids = new Set<string>([...config.tests.numerical, ...config.tests.categorical, ...Object.values(config.columns.tests).flat()]);
  if (config.tests.policy === 'large_sample')
    [...LARGE_SAMPLE_TESTS.numerical, ...LARGE_SAMPLE_TESTS.categorical].forEach((id) => ids.add(id));
  return all.filter((t) => STAT_TESTS.includes(t) || ids.has(t.id));
}

/**
 * The tests whose results a report's features hold (the defaults, and any other test whose key they
 * carry), for the writers that get only the report (scores CSV, CLI summary, dashboard tables).
 */
export function testsIn(features: readonly object[], all: StatRegistry = ALL_TESTS): StatRegistry {
  return all.filter((t) => STAT_TESTS.includes(t) || features.some((f) => Object.hasOwn(f, t.reportKey)));
}

/**
 * columns.tests against the columns of the files: an unknown column gets the closest name, a test of
 * the wrong kind for the column's type says which ones fit. `kinds` maps each tested column to its
 * kind; `columns` lists every column of the files (skipped ones included).
 */
export function checkColumnTests(config: Config, kinds: ReadonlyMap<string, ColumnKind>, columns: readonly string[]): void {
  for (const [column, ids] of Object.entries(config.columns.tests)) {
    if (!columns.includes(column)) {
      throw new InputError(`columns.tests: no column "${column}" in the files; ${columnHint(column, columns)}`);
    }
    const kind = kinds.get(column);
    if (kind === undefined) continue; // dropped, the label or skipped: nothing to test
    for (const id of ids) {
      const test = ALL_TESTS.find((t) => t.id === id)!;
      if (!test.columnKinds.includes(kind)) {
        const fit = ALL_TESTS.filter((t) => t.columnKinds.includes(kind)).map((t) => t.id);
        throw new InputError(
          `columns.tests.${column}: ${id} does not run on ${kind} columns and "${column}" is ${kind}; choose among ${fit.join(', ')}`,
        );
      }
    }
  }
}

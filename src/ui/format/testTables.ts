/**
 * The dashboard's per-test result tables (ResultsTables.svelte), built from the test registry: one
 * table per registered test, its rows the features the test ran on, its columns the test's result
 * fields and a flag. Pure, so the rows and columns are tested without a browser.
 */
import type { Thresholds } from '../../core/config/types.ts';
import type { FeatureReport } from '../../core/report/types.ts';
import type { Decided, DriftTest, StatRegistry } from '../../core/stattests/driftTest.ts';
import { STAT_TESTS, resultOf, thresholdOrder } from '../../core/stattests/registry.ts';
import type { Column } from './column.ts';
import { formatNumber } from './formatNumber.ts';

export interface TestTable {
  test: DriftTest<object>;
  /** DataTable id (e.g. 'ks-table') and its section heading id. */
  id: string;
  headingId: string;
  heading: string;
  caption: string;
  empty: string;
  initialSort: DriftTest<object>['table']['sort'];
  rows: FeatureReport[];
  columns: Column<FeatureReport>[];
  flagged: (f: FeatureReport) => boolean;
}

/** The feature name column every table starts with. */
export const NAME_COLUMN: Column<FeatureReport> = { key: 'name', label: 'Feature', value: (f) => f.name, kind: 'text' };

/**
 * One table per test of `tests`, in threshold order (distances, then p-values: KS, PSI, chi-square).
 * Fields with `shownWhen` show only under thresholds that ask for them (adjusted p with a correction).
 */
export function testTables(features: readonly FeatureReport[], thresholds: Thresholds, tests: StatRegistry = STAT_TESTS): TestTable[] {
  return thresholdOrder(tests).map((test) => {
    // Rows are only features with a result, so a cell always has one; decided() is never null here.
    const decided = (f: FeatureReport) => resultOf(test, f) as Decided<object>;
    const columns: Column<FeatureReport>[] = [NAME_COLUMN];
    for (const field of test.fields) {
      if (field.label === null || (field.shownWhen && !field.shownWhen(thresholds))) continue;
      const text = field.text;
      columns.push({
        key: field.key,
        label: field.label,
        value: (f) => field.value(decided(f), f),
        text: text
          ? (f) => text(decided(f), f, (x) => formatNumber(x))
          : field.format === 'text'
            ? undefined
            : (f) => formatNumber(field.value(decided(f), f) as number | null),
        kind: field.format === 'text' ? 'text' : 'number',
      });
    }
    columns.push({ key: 'flag', label: 'Flag', value: (f) => decided(f).drifted, kind: 'flag' });
    return {
      test,
      id: test.table.id,
      headingId: `${test.id}-h`,
      heading: test.table.heading,
      caption: test.table.caption,
      empty: test.table.empty,
      initialSort: test.table.sort,
      rows: features.filter((f) => resultOf(test, f) !== null),
      columns,
      flagged: (f) => decided(f).drifted,
    };
  });
}

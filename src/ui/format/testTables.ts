/**
 * The dashboard's per-test result tables (ResultsTables.svelte), built from the test registry: one
 * table per registered test, its rows the features the test ran on, its columns the test's result
 * fields and a flag. Pure, so the rows and columns are tested without a browser.
 */
import type { Thresholds } from '../../core/config/types.ts';
import type { FeatureReport } from '../../core/report/types.ts';
import type { Decided, DriftTest, StatRegistry } from '../../core/stattests/driftTest.ts';
import { resultOf, thresholdOrder } from '../../core/stattests/registry.ts';
import { testsIn } from '../../core/stattests/testChoice.ts';
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
export function testTables(
  features: readonly FeatureReport[],
  thresholds: Thresholds,
  tests: StatRegistry = testsIn(features),
): TestTable[] {
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
    const rows = features.filter((f) => resultOf(test, f) !== null);
    const approx = approximateColumn(test.id, rows);
    if (approx) columns.push(approx);
    // A p-value test's effect size (a distance's is its own value): "negligible" when the p-value is
    // significant but the effect is below thresholds.min_effect, so the flag is off.
    const effect = test.effect;
    if (test.comparison === 'p_value' && effect) {
      columns.push({
        key: 'effect_size',
        label: `Effect (${effect.measure})`,
        value: (f) => decided(f).effect_size ?? null,
        text: (f) => {
          const r = decided(f);
          const v = formatNumber(r.effect_size ?? null);
          return r.negligible ? `${v} (significant but negligible)` : v;
        },
        kind: 'number',
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
      rows,
      columns,
      flagged: (f) => decided(f).drifted,
    };
  });
}

/**
 * The error bound of a test's result when a side was a profile's sketch (the feature's `approximate`
 * block): KS D within ± ks_statistic_bound, each PSI bin share within ± psi_bin_share_bound.
 */
const APPROXIMATE_BOUND: Record<string, { key: 'ks_statistic_bound' | 'psi_bin_share_bound'; what: string }> = {
  ks: { key: 'ks_statistic_bound', what: 'D' },
  psi: { key: 'psi_bin_share_bound', what: 'bin shares' },
};

/**
 * An "Exactness" column for a test whose rows include a feature compared through a sketch: "≈
 * approximate (sketch)" with the bound, or "exact". Absent when every row is exact (runs on files).
 */
function approximateColumn(testId: string, rows: readonly FeatureReport[]): Column<FeatureReport> | null {
  const bound = APPROXIMATE_BOUND[testId];
  if (!bound || !rows.some((f) => f.approximate)) return null;
  const value = (f: FeatureReport) => f.approximate?.[bound.key] ?? 0;
  return {
    key: 'approximate',
    label: 'Exactness',
    value,
    text: (f) => (f.approximate ? `≈ approximate (sketch): ${bound.what} ±${formatNumber(value(f))}` : 'exact'),
    kind: 'text',
  };
}

/**
 * The data-quality figures of a run (report section `data_quality`), threshold-free: decideQuality
 * (decideQuality.ts) flags them. From two tables every figure is computed; from two profiles all but
 * the duplicate rows, which need rows (the section says so).
 */
import type { DataQualityStats, FeatureStats, OutOfRange } from '../report/types.ts';
import type { ColumnPlan, ParsedTable } from '../table/types.ts';
import type { PlanColumnsConfig } from '../table/planColumns.ts';
import type { TableFacts } from '../table/columnFacts.ts';
import { tableFacts } from '../table/columnFacts.ts';
import { numericValues } from '../table/numericValues.ts';
import type { Profile } from '../profile/columnProfile.ts';
import { typeChanges } from './typeChanges.ts';
import { unseenCategories } from './unseenCategories.ts';
import { outOfRangeFromSummaries, outOfRangeFromValues } from './outOfRange.ts';
import { constantColumns } from './constantColumns.ts';
import { rowDuplicates, type RowDuplicates } from './rowDuplicates.ts';

export const PROFILE_DUPLICATES_NOTE = 'duplicate rows: not available from a profile (it keeps no rows)';

/**
 * Figures tableQuality takes instead of computing them (computed elsewhere, e.g. on worker threads,
 * by the same functions): out-of-range by column name, each file's duplicate rows.
 */
export interface PrecomputedQuality {
  outOfRange?: ReadonlyMap<string, OutOfRange>;
  duplicates?: readonly [RowDuplicates | undefined, RowDuplicates | undefined];
  /** Each file's columns typed alone (typeChanges.ts plansAlone). */
  plansAlone?: readonly [ColumnPlan[] | undefined, ColumnPlan[] | undefined];
}

export function tableQuality(
  ref: ParsedTable,
  prod: ParsedTable,
  plans: readonly ColumnPlan[],
  stats: readonly FeatureStats[],
  cfg: PlanColumnsConfig,
  refFacts: TableFacts = tableFacts(ref),
  prodFacts: TableFacts = tableFacts(prod),
  precomputed: PrecomputedQuality = {},
): DataQualityStats {
  const out_of_range = perNumerical(
    ref.columns,
    prod.columns,
    plans,
    (name, r, p) => precomputed.outOfRange?.get(name) ?? outOfRangeFromValues(name, numericValues(r), numericValues(p)),
  );
  const r = precomputed.duplicates?.[0] ?? rowDuplicates(ref);
  const p = precomputed.duplicates?.[1] ?? rowDuplicates(prod);
  const ignored = [...new Set([...r.ignored, ...p.ignored])];
  return {
    ...common(refFacts, prodFacts, plans, stats, cfg, precomputed.plansAlone),
    out_of_range,
    duplicates: {
      reference: { rows: r.rows, duplicates: r.duplicates, share: r.share },
      production: { rows: p.rows, duplicates: p.duplicates, share: p.share },
      ignored_columns: ignored,
      note: ignored.length
        ? `duplicate rows compare every column but ${ignored.length} whose text is not kept (more distinct values than the reader keeps): ${ignored.join(', ')}`
        : null,
    },
  };
}

export function profileQuality(
  ref: Profile,
  prod: Profile,
  refFacts: TableFacts,
  prodFacts: TableFacts,
  plans: readonly ColumnPlan[],
  stats: readonly FeatureStats[],
  cfg: PlanColumnsConfig,
): DataQualityStats {
  const out_of_range = perNumerical(ref.columns, prod.columns, plans, (name, r, p) => outOfRangeFromSummaries(name, r.numbers, p.numbers));
  return {
    ...common(refFacts, prodFacts, plans, stats, cfg),
    out_of_range,
    duplicates: { reference: null, production: null, ignored_columns: [], note: PROFILE_DUPLICATES_NOTE },
  };
}

function common(
  ref: TableFacts,
  prod: TableFacts,
  plans: readonly ColumnPlan[],
  stats: readonly FeatureStats[],
  cfg: PlanColumnsConfig,
  plansAlone?: readonly [ColumnPlan[] | undefined, ColumnPlan[] | undefined],
): Pick<DataQualityStats, 'type_changes' | 'unseen_categories' | 'unseen_overall_share' | 'constant_columns'> {
  const unseen = unseenCategories(stats);
  return {
    type_changes: typeChanges(ref, prod, cfg, plansAlone),
    unseen_categories: unseen.features,
    unseen_overall_share: unseen.overall,
    constant_columns: constantColumns(
      ref,
      prod,
      plans.map((p) => p.name),
    ),
  };
}

/** `f` of each numerical column's two sides (found by name), in plan order. */
function perNumerical<C extends { name: string }, R>(
  ref: readonly C[],
  prod: readonly C[],
  plans: readonly ColumnPlan[],
  f: (name: string, r: C, p: C) => R,
): R[] {
  const refCols = new Map(ref.map((c) => [c.name, c]));
  const prodCols = new Map(prod.map((c) => [c.name, c]));
  return plans.filter((p) => p.role === 'numerical').map((p) => f(p.name, refCols.get(p.name)!, prodCols.get(p.name)!));
}

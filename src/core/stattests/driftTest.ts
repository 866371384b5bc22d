/**
 * The shape of one registered drift test (registry.ts lists them). Everything that varies per test is
 * here: which columns it runs on, how its result is compared with its threshold, the report key, the
 * result fields the report, the scores CSV, the CLI summary and the dashboard show. The engine
 * (analyse, decide, the writers, the dashboard tables and threshold fields) only loops over entries.
 */
import type { Thresholds } from '../config/types.ts';
import type { FeatureReport, FeatureStats } from '../report/types.ts';
import type { NumericalKernelResult } from './kernels.ts';

export type ColumnKind = 'numerical' | 'categorical';

/** What a test gets for one feature whose two samples both have values. */
export type TestInput =
  | {
      kind: 'numerical';
      /** The samples as read (NaN = missing). */
      reference: Float64Array;
      production: Float64Array;
      /** The one kernel pass over both samples: KS D and the PSI bins and counts. */
      kernel: NumericalKernelResult;
      settings: TestSettings;
    }
  | {
      kind: 'categorical';
      /** The categories seen in either file, sorted, and their counts on each side. */
      categories: string[];
      referenceCounts: number[];
      productionCounts: number[];
      settings: TestSettings;
    };

/** The config settings tests read (config psi). */
export interface TestSettings {
  bins: number;
  epsilon: number;
}

/**
 * 'p_value': the result's p-value (after the p_value_correction over all features, written as
 * p_value_adjusted) below the threshold flags. 'distance': score(result) above the threshold flags.
 * Both strict, so a value equal to its threshold never flags.
 */
export type Comparison = 'p_value' | 'distance';

/**
 * A test's result once decided: the result, p_value_adjusted and negligible (p-value tests), the
 * effect size and the flag.
 */
export type Decided<R> = R & { p_value_adjusted?: number; effect_size?: number | null; negligible?: boolean; drifted: boolean };

/** One value of a result, as a report reader sees it (CSV column, CLI column, dashboard column). */
export interface ResultField<R> {
  key: string;
  /** Dashboard column header; null = not a dashboard column. */
  label: string | null;
  /** Scores CSV column name; null = not in the CSV. */
  csv: string | null;
  /** CLI summary column header; null = not in the CLI summary. */
  summary?: string;
  /** 'p_value' prints small values in scientific notation in the CLI. */
  format: 'number' | 'p_value' | 'text';
  value: (r: Decided<R>, f: FeatureReport) => number | string | null;
  /** Dashboard cell text when not the formatted value (`fmt` formats a number). */
  text?: (r: Decided<R>, f: FeatureReport, fmt: (x: number) => string) => string;
  /** Dashboard only: show the column only under these thresholds (e.g. adjusted p with a correction). */
  shownWhen?: (t: Thresholds) => boolean;
}

export interface DriftTest<R extends object = object> {
  /** The flag rule written in flagged_by. */
  id: string;
  label: string;
  /** What is computed, one line. */
  statistic: string;
  columnKinds: readonly ColumnKind[];
  comparison: Comparison;
  /** The value compared with the threshold (the raw p-value for p-value tests). */
  score: (r: R) => number;
  threshold: {
    /** Key in config thresholds (and report settings.thresholds). */
    key: string;
    default: number;
    /** Largest value the dashboard accepts. */
    max: number;
    label: string;
    /** The rule in words, under the dashboard field. */
    rule: string;
  };
  /** The feature's key in the report; the same result on every feature it applies to, null on others. */
  reportKey: string;
  /** The result's keys in report order (p_value_adjusted and drifted follow). */
  resultKeys: readonly string[];
  /** The result for one feature; the engine calls it only for the column kinds listed. */
  run: (input: TestInput) => R;
  /**
   * Whether the test can run on this input beyond its column kind (e.g. Fisher's exact test needs two
   * categories, Cramér-von Mises two values a side); absent = always. Where it cannot, the result is null.
   */
  applies?: (input: TestInput) => boolean;
  /**
   * The effect size a flag carries (decide writes it as effect_size in the result): how large the
   * change is, whatever the sample size. With thresholds.min_effect, a p-value flag whose effect is
   * below it is "significant but negligible" and leaves the verdict. Every built-in test has one; a
   * test registered without it writes effect_size null and is never negligible.
   */
  effect?: {
    /** What the number is, e.g. "Cramér's V". */
    measure: string;
    value: (r: R, f: FeatureStats) => number;
  };
  fields: readonly ResultField<R>[];
  /** The dashboard's table for this test. */
  table: {
    id: string;
    heading: string;
    caption: string;
    empty: string;
    sort: { key: string; direction: 'ascending' | 'descending' };
  };
}

/** A registry: the tests the engine runs, in report key order. */
export type StatRegistry = readonly DriftTest<object>[];

/** Widen an entry to the registry's element type (results are plain objects the engine passes through). */
export function entry<R extends object>(test: DriftTest<R>): DriftTest<object> {
  return test as unknown as DriftTest<object>;
}

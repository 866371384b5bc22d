/**
 * A profile: a mergeable per-column summary of a CSV, enough to type its columns and run every drift
 * test against another file or profile without the raw rows.
 *
 * A column profile is taken before typing, like a ParsedColumn (table/types.ts) without its rows: the
 * cells that parsed as numbers (exact distinct values with counts, or a KLL sketch past
 * `maxExactValues` distinct values), the text cells (exact counts per distinct text), missing and
 * non-numeric counts, and the facts the typing rules read (integer-valued, all unique, number format).
 * Whether a column is numerical, categorical or skipped is decided when two sides meet, by the same
 * rules as for two tables (table/planColumns.ts), so an exact profile gives the same report as its file.
 */
import type { ColumnNumberFormat } from '../table/types.ts';
import type { KllSketch } from './kllSketch.ts';

/**
 * Numerical cells stay exact (sorted distinct values with counts) up to this many distinct values per
 * column, then move to a KLL sketch. One million keeps every column of the 1M-row bench reference
 * exact (its continuous columns have up to 999k distinct values); an exact column costs 16 bytes per
 * distinct value in memory and in the file (a float64 value and a float64 count).
 */
export const DEFAULT_MAX_EXACT_VALUES = 1_000_000;

/**
 * Distinct text values per column kept with exact counts; past this the column is high-cardinality
 * (the table reader's dictionary limit, ColumnBuilder): its text counts are dropped and only the
 * distinct count goes on (exact up to TEXT_DISTINCT_CAP).
 */
export const TEXT_LIMIT = 65_536;
/** High-cardinality text: distinct values are counted up to here, then reported as "more than". */
export const TEXT_DISTINCT_CAP = 1_000_000;

/** The numbers of a column: exact, or a sketch past maxExactValues distinct values. */
export type NumberSummary =
  | {
      mode: 'exact';
      /** Distinct values ascending (-0 stored as 0). */
      values: Float64Array;
      /** Count of each value (positive integers). */
      counts: Float64Array;
    }
  | {
      mode: 'sketch';
      sketch: KllSketch;
      /** Distinct values seen before the column went to the sketch (a lower bound on its distinct count). */
      distinctAtLeast: number;
    };

export interface ColumnProfile {
  name: string;
  /** Rows seen (every cell, missing included). */
  rows: number;
  /** Cells that matched a missing marker or were empty. */
  missing: number;
  /** Cells that parsed as finite numbers (count = rows - missing - nonNumeric). */
  numbers: NumberSummary;
  /** Every number is an integer (vacuously true with no numbers). */
  integerValued: boolean;
  /**
   * Every number occurs once in the column. Exact numbers know it; a sketch knows it only while the
   * values came in strictly ascending order (row ids), otherwise false: a sketch cannot prove uniqueness.
   */
  numbersUnique: boolean;
  /** Non-missing cells that did not parse as a finite number. */
  nonNumeric: number;
  /** The first such cell (1-based data row, header excluded), for messages. */
  firstNonNumeric: { row: number; value: string } | null;
  /**
   * Counts per distinct text of the non-numeric cells (trimmed, as the table reader's dictionary holds
   * them), in order of first appearance; null when the column is high-cardinality as the table reader
   * counts it (ParsedColumn.highCardinality): more than TEXT_LIMIT distinct cell texts, where the numbers
   * of a column with text count too, as String(value) (numbers + textDistinct > TEXT_LIMIT).
   */
  text: Map<string, number> | null;
  /** Distinct texts of the non-numeric cells (exact up to TEXT_DISTINCT_CAP, then TEXT_DISTINCT_CAP + 1). */
  textDistinct: number;
  /**
   * When `text` is null and every non-missing cell is text: every floor(TEXT_LIMIT / 200)-th of the first
   * TEXT_LIMIT distinct texts in order of first appearance, the dictionary entries the timestamp rule
   * of planColumns reads from a high-cardinality column.
   */
  textSample?: string[];
  /** How the numbers were written (as ParsedColumn.numberFormat, settled: no pending rows). */
  numberFormat?: ProfileNumberFormat;
  /**
   * Set when an SQL engine counted the numbers on bins (core/sql/profileQuery.ts, a column with more
   * distinct numbers than profile.max_exact_values): `numbers` is then exact in form, but its values
   * are the bin edges and each count is its bin's (the numbers in the bin, placed at the edge that
   * closes it). Its CDF is exact at every edge and off by at most `bound` (the largest share of
   * numbers strictly inside one bin) in between, so KS, quantiles and PSI bins are approximate within
   * it; the column has no per-value counts (never categorical) and integerValued comes from the engine.
   */
  binned?: BinnedNumbers;
}

export interface BinnedNumbers {
  /** The engine's count of distinct numbers (approximate: HyperLogLog). */
  distinct: number;
  /** Largest share of the column's numbers strictly inside one bin (0..1): the CDF error bound. */
  bound: number;
}

/**
 * A column's settled number format: ParsedColumn.numberFormat without pending rows, rows counted over
 * the whole source, and the example's value as read (null when the cell was not a number), which the
 * number-format warning shows.
 */
export type ProfileNumberFormat = Omit<ColumnNumberFormat, 'pendingPoint' | 'pendingComma' | 'example'> & {
  example?: { row: number; text: string; value: number | null; score: number };
};

export interface ProfileConfig {
  /** Config profile.max_exact_values. */
  maxExactValues: number;
  /** KLL parameter; 200 gives a 1.65% normalized rank error bound (99% confidence). */
  sketchK: number;
  /** Seeds the sketch's compaction coin flips (deterministic output). */
  sketchSeed: number;
}

/** Where a profile came from: the file, and the reading settings that shaped it. */
export interface ProfileSource {
  /** File name (no directories) as given; "a.csv + b.csv" style for merged profiles. */
  file: string;
  /** Bytes of the source file(s). */
  size: number;
  /** SHA-256 (hex) of the source file's bytes; null when unknown (e.g. merged profiles keep a list). */
  sha256: string | null;
  /** Parsing settings used: data.delimiter (as detected), missing_values, encoding, decimal, thousands. */
  delimiter: string;
  missingValues: string[];
  encoding: string;
  decimal: string;
  thousands: string;
  /** columns.drop when the profile was made (those columns are not in it). */
  dropped: string[];
  /** data.label_column when the profile was made (profiled like any column). */
  label: string | null;
}

export interface Profile {
  config: ProfileConfig;
  /** Rows of the source (every column has this many). */
  rows: number;
  columns: ColumnProfile[];
  /** The parser's warnings for the source (ragged rows, encoding), one line each. */
  warnings: string[];
  /** The header is all numbers (probably no header row), as ParsedTable.headerIsNumbers. */
  headerIsNumbers?: boolean;
  /** Null for a profile built in memory from a table without file information. */
  source: ProfileSource | null;
  /** ISO 8601 time the profile was made. */
  createdAt: string;
  /** For merged profiles: the sources merged, in order. */
  mergedFrom?: ProfileSource[];
  /** Columns of the source not readable as values (a Parquet file's nested columns), with why. */
  unreadable?: { name: string; reason: string }[];
}

/** Cells of a column that parsed as numbers. */
export function numberCount(c: ColumnProfile): number {
  return c.rows - c.missing - c.nonNumeric;
}

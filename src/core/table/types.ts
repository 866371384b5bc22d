/**
 * A parsed CSV file in columnar form. No per-row objects: every column holds typed arrays,
 * so a table can move between workers as transferred buffers.
 */
export interface ParsedColumn {
  name: string;
  /**
   * One value per row: the cell as a number; NaN when missing or not a number. Null for a text column:
   * one with `codes` and no cell that is a number (every value would be NaN; such a column does not keep
   * 8 bytes per row for that). Read it with numericValues / numberAt (numericValues.ts) where a text
   * column may come; a column without codes always has values.
   */
  values: Float64Array | null;
  /**
   * Dictionary encoding of the raw (trimmed) cell text, present only when the column holds at least
   * one non-missing value that is not a number. codes[i] indexes dictionary; -1 = missing.
   */
  codes: Int32Array | null;
  dictionary: string[] | null;
  /** Cells that matched a missing marker (or were empty). */
  missing: number;
  /** Non-missing cells that did not parse as a finite number. */
  nonNumeric: number;
  /** The first such cell (1-based data row, header excluded), for messages. */
  firstNonNumeric: { row: number; value: string } | null;
  /**
   * Present when the column's text had more distinct values than the dictionary limit (65536; IDs,
   * timestamps, free text): dictionary encoding stopped, `codes` is null, `dictionary` keeps the
   * first distinct values as a sample, and `distinct` counts all distinct non-missing cell texts.
   * Such a column is never categorical.
   */
  highCardinality?: { distinct: number };
  /**
   * How the column's numbers were written, present when a cell had a decimal mark or thousands
   * separators (see NumberFormatTracker); absent for integers, text and missing values only.
   */
  numberFormat?: ColumnNumberFormat;
}

/** The number format of one column of one file. */
export interface ColumnNumberFormat {
  /** The decimal mark in use; null while only ambiguous cells ("1,234", "1.234") were seen. */
  decimal: '.' | ',' | null;
  /**
   * Where `decimal` came from: 'cells' (this file's own cells), 'config' (data.decimal / data.thousands),
   * 'undecided' (pending), or, after resolveNumberFormats, the text of the rule that decided it.
   */
  decidedBy: string;
  /** Thousands separators seen: some of ',', '.', ' ' (any space), "'". */
  thousands: string;
  /** Cells that needed more than a plain decimal point to read (decimal comma, thousands). */
  localeCells: number;
  /** Cells such as "1,234" or "1.234" whose reading depended on the column's decimal mark. */
  ambiguousCells: number;
  /** While undecided: 0-based rows of ambiguous "1.234" / "1,234" cells, stored as their decimal reading. */
  pendingPoint?: number[];
  pendingComma?: number[];
  /**
   * The cell that shows the format best (0-based row), for the warning; `score` ranks it (2 thousands,
   * +1 decimal mark; the first cell of the highest score wins), so parts of a file can pick the same one.
   */
  example?: { row: number; text: string; score?: number };
  /** Cells that contradict the decided mark; `row` is the first one's 1-based data row. */
  conflicts?: { count: number; row: number; text: string };
}

export interface ParsedTable {
  /** File name as given by the caller, used in messages. */
  file: string;
  rows: number;
  delimiter: string;
  columns: ParsedColumn[];
  /** Problems that did not stop parsing (e.g. ragged rows), one line each. */
  warnings: string[];
  /** Header names deliberately not parsed (the caller's `skipColumns`, i.e. columns.drop). */
  notParsed?: string[];
  /** Every header name is a number: the file probably has no header row (a warning says so). */
  headerIsNumbers?: boolean;
  /**
   * Columns the reader found but could not read as one value per row (a Parquet file's nested columns),
   * with why: the typing rules skip them with that reason.
   */
  unreadable?: { name: string; reason: string }[];
}

export type ColumnRole = 'numerical' | 'categorical' | 'skipped';

/** What type inference decided for one column, with the rule and the reason. */
export interface ColumnPlan {
  name: string;
  role: ColumnRole;
  /** Human-readable reason, e.g. "numeric with 812 distinct values (> 20)" or "override: columns.categorical". */
  reason: string;
}

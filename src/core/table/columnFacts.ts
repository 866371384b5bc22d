import { allNumbersUnique, distinctNumbersUpTo, isIntegerValued } from './distinct.ts';
import type { ParsedColumn, ParsedTable } from './types.ts';
import { columnRows } from './numericValues.ts';

/** A text column's numbers (it keeps no values: types.ts). */
const NO_NUMBERS = new Float64Array(0);

/**
 * What the typing rules (planColumns.ts) read about one column of one file. A parsed column
 * (tableFacts below) and a column profile (profile/profileFacts.ts) both provide it, so two tables and
 * two profiles are typed by the same rule code. The methods are lazy: most columns are decided by the
 * counts alone and never need a pass over their values.
 */
export interface ColumnFacts {
  name: string;
  /** Cells that matched a missing marker (or were empty). */
  missing: number;
  /** Non-missing cells that did not parse as a finite number. */
  nonNumeric: number;
  /** The first such cell (1-based data row), for messages. */
  firstNonNumeric: { row: number; value: string } | null;
  /** Set when the column's text had more distinct values than are kept (ParsedColumn.highCardinality). */
  highCardinality: { distinct: number } | undefined;
  /** Every number is an integer. */
  integerValued(): boolean;
  /** No number occurs twice. */
  numbersUnique(): boolean;
  /**
   * The numbers, for counting distinct values over files (NaN and repeats allowed); null when only a
   * sketch of them is kept (then `distinctNumbersAtLeast` bounds their distinct count from below).
   */
  numberValues(): Float64Array | null;
  /** numberValues() holds each number once (ColumnFactsCache.distinct): counts over it alone need no pass. */
  numbersDistinct?: boolean;
  /** A lower bound on the distinct numbers when numberValues() is null (else unused). */
  distinctNumbersAtLeast: number;
  /**
   * The category labels of a column with text: its distinct cells, numbers as String(value) and texts
   * trimmed (ColumnBuilder's dictionary); of a column without text: its distinct numbers as String(value).
   */
  labels(): Iterable<string>;
  /** Distinct labels of a column with text (nonNumeric > 0), counting past the kept ones. */
  labelCount(): number;
  /**
   * The distinct texts of the non-numeric cells in order of first appearance (for a high-cardinality
   * column, the first ones kept); null when none are kept.
   */
  texts(): readonly string[] | null;
}

/** What the typing rules read about one file: its columns' facts and the file-level facts. */
export interface TableFacts {
  /** File name, used in messages. */
  file: string;
  rows: number;
  columns: ColumnFacts[];
  /** Header names deliberately not read (columns.drop at read time). */
  notParsed?: string[];
  /** Every header name is a number: probably no header row. */
  headerIsNumbers?: boolean;
  /** Columns present but not readable as values (ParsedTable.unreadable), skipped with the reason. */
  unreadable?: { name: string; reason: string }[];
}

/**
 * What the facts of one parsed column learnt from passes over its values, kept so another thread's
 * facts of the same column need not pass again (the CLI's reading threads type each file alone and
 * send this with the table). `distinct` stands in for the values where the typing rules count distinct
 * numbers: the first distinct ones in file order, up to the typing's cap + 1 (distinctNumbersUpTo with
 * distinctCap), which gives the counts those rules take (exact up to the cap, "more" past it).
 */
export interface ColumnFactsCache {
  integerValued?: boolean;
  numbersUnique?: boolean;
  distinct?: Float64Array;
}

/**
 * Empty caches for a table's columns, with `distinct` (distinctNumbersUpTo at `cap`, the typing's
 * distinctCap) for each column with numbers; typing with tableFacts over them fills in the rest.
 */
export function columnFactsCaches(t: ParsedTable, cap: number): ColumnFactsCache[] {
  return t.columns.map((c) => (c.values !== null ? { distinct: distinctNumbersUpTo(c.values, cap) } : {}));
}

/** The facts of a parsed table; `caches[i]` (kept for column i, see ColumnFactsCache) is read and filled. */
export function tableFacts(t: ParsedTable, caches?: readonly ColumnFactsCache[]): TableFacts {
  return {
    file: t.file,
    rows: t.rows,
    columns: t.columns.map((c, i) => parsedColumnFacts(c, caches?.[i])),
    ...(t.notParsed !== undefined ? { notParsed: t.notParsed } : {}),
    ...(t.headerIsNumbers !== undefined ? { headerIsNumbers: t.headerIsNumbers } : {}),
    ...(t.unreadable !== undefined ? { unreadable: t.unreadable } : {}),
  };
}

export function parsedColumnFacts(col: ParsedColumn, cache: ColumnFactsCache = {}): ColumnFacts {
  let texts: string[] | null = null;
  // Each is a pass over a million values; typing the pair and typing each file alone (the data-quality
  // type changes) ask for them again on the same facts.
  return {
    name: col.name,
    missing: col.missing,
    nonNumeric: col.nonNumeric,
    firstNonNumeric: col.firstNonNumeric,
    highCardinality: col.highCardinality,
    integerValued: () => (cache.integerValued ??= isIntegerValued(col.values ?? NO_NUMBERS)),
    numbersUnique: () => (cache.numbersUnique ??= allNumbersUnique(col.values ?? NO_NUMBERS)),
    numberValues: () => cache.distinct ?? col.values ?? NO_NUMBERS,
    numbersDistinct: cache.distinct !== undefined,
    distinctNumbersAtLeast: 0,
    labels: () => col.dictionary ?? distinctLabels(col.values!),
    labelCount: () => col.highCardinality?.distinct ?? col.dictionary?.length ?? 0,
    texts: () => (texts ??= textEntries(col)),
  };
}

function* distinctLabels(values: Float64Array): Iterable<string> {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && !seen.has(v)) {
      seen.add(v);
      yield String(v);
    }
  }
}

/** The dictionary entries that are text cells, in dictionary (first appearance) order. */
function textEntries(col: ParsedColumn): string[] {
  const { dictionary, codes, values } = col;
  if (dictionary === null) return [];
  // Only text cells (or a high-cardinality column's kept sample, whose cells are not coded any more).
  if (codes === null || values === null || col.nonNumeric === columnRows(col) - col.missing) return dictionary;
  // The dictionary holds parsed numbers too (as String(value)); a cell is text where its value is NaN.
  // Number() cannot tell them apart: with data.decimal "," a "29.85" cell is text it would accept.
  const isText = new Uint8Array(dictionary.length);
  for (let r = 0; r < codes.length; r++) if (codes[r] >= 0 && values[r] !== values[r]) isText[codes[r]] = 1;
  return dictionary.filter((_, i) => isText[i] === 1);
}

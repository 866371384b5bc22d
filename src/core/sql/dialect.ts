/**
 * What differs between the SQL engines a profile query runs on: how a name and a text are quoted,
 * the type names, and how a cell's text becomes a number. Everything taken from a user (table and
 * column names, missing markers, where filters aside: see profileQuery.ts) reaches SQL only through
 * `ident` and `string`, which quote it so the engine reads it back unchanged.
 */
import { InputError } from '../errors.ts';

export const DIALECTS = ['duckdb', 'postgres', 'spark', 'bigquery'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Dialect {
  name: DialectName;
  /** A quoted identifier (one name part: a column, or one dotted part of a table name). */
  ident(name: string): string;
  /** A quoted string literal. */
  string(text: string): string;
  /** Type names for CAST. */
  types: { double: string; text: string; bigint: string };
  /** `expr` cast to text, leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r) trimmed. */
  trimmedText(expr: string): string;
  /**
   * The finite double a trimmed cell text `s` (an SQL expression, repeated as needed) holds, or NULL:
   * a decimal literal as parseNumber accepts it (sign, digits with an optional point, exponent),
   * nothing else (no hex, no "inf", no digit separators); a value past the double range is NULL, one
   * too small for a double is 0, as JavaScript's Number() reads them.
   */
  number(s: string): string;
  /** 1-based row numbers in the engine's scan order. */
  rowNumber: string;
  /** True when the double `x` is NaN (NULL for NULL). */
  isNan(x: string): string;
  /** True when the double `x` is neither infinite nor NaN (NULL for NULL). */
  isFinite(x: string): string;
  /**
   * An aggregate: the engine's quantiles of the doubles `x` at j / parts, j = 1..parts-1, as an array
   * whose element j (see `element`) is the j / parts quantile (quantileBins.ts).
   */
  quantiles(x: string, parts: number): string;
  /** Element j (an SQL integer expression, 1 <= j < parts) of a `quantiles` array. */
  element(array: string, j: string): string;
  /**
   * The engine's own search of a `quantiles` array: how many of its elements are <= x (0..parts-1).
   * Absent: quantileBins.ts searches the array itself, one nested SELECT per halving.
   */
  bucket?(x: string, array: string): string;
}

/** The cell shape parseNumber accepts (table/parseNumber.ts), anchored. */
export const NUMBER_PATTERN = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';

/** Whitespace JavaScript's trim() removes that the CSV reader trims on (char codes <= 32). */
export const TRIM_CHARS = ' \t\n\u000b\f\r';

/** Refuses text no engine can hold in a name or literal (NUL), with the place it came from. */
export function checkSqlText(text: string, what: string): string {
  if (text.includes('\u0000'))
    throw new InputError(`${what} ${JSON.stringify(text)} contains a NUL character, which SQL text cannot hold; rename it`);
  return text;
}

/** Double quotes, doubled inside (SQL standard: DuckDB, PostgreSQL). */
export function doubleQuoted(name: string): string {
  return `"${checkSqlText(name, 'name').replaceAll('"', '""')}"`;
}

/** Single quotes, doubled inside (SQL standard strings: DuckDB, PostgreSQL with standard_conforming_strings). */
export function singleQuoted(text: string): string {
  return `'${checkSqlText(text, 'text').replaceAll("'", "''")}'`;
}

/**
 * Backslash escapes for engines that read them in quoted text (Spark SQL strings, BigQuery strings and
 * quoted identifiers): the backslash, the quote character, and control characters as \uXXXX (BigQuery
 * refuses a raw newline in a one-line string).
 */
export function backslashEscaped(text: string, quote: string): string {
  let out = '';
  for (const ch of checkSqlText(text, 'text')) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

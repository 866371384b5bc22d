/**
 * BigQuery GoogleSQL (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical): quoted
 * identifiers and strings both take backslash escapes; a one-line string cannot hold a raw newline, so
 * control characters are written as \uXXXX. Generated and syntax-checked in the tests, not run.
 */
import { backslashEscaped, NUMBER_PATTERN, TRIM_CHARS, type Dialect } from './dialect.ts';

const str = (s: string) => `'${backslashEscaped(s, "'")}'`;

export const bigqueryDialect: Dialect = {
  name: 'bigquery',
  ident: (name) => `\`${backslashEscaped(name, '`')}\``,
  string: str,
  types: { double: 'FLOAT64', text: 'STRING', bigint: 'INT64' },
  trimmedText: (expr) => `TRIM(CAST(${expr} AS STRING), ${str(TRIM_CHARS)})`,
  number: (s) =>
    `CASE WHEN REGEXP_CONTAINS(${s}, ${str(NUMBER_PATTERN)}) AND NOT IS_INF(SAFE_CAST(${s} AS FLOAT64)) THEN SAFE_CAST(${s} AS FLOAT64) END`,
  // Numbers rows on one worker: for big tables pass --row-number with a column that numbers the rows.
  rowNumber: 'ROW_NUMBER() OVER ()',
  isNan: (x) => `IS_NAN(${x})`,
  isFinite: (x) => `NOT (IS_NAN(${x}) OR IS_INF(${x}))`,
  // APPROX_QUANTILES(x, parts) gives parts + 1 values, the approximate min at OFFSET(0): element j is the j / parts quantile.
  quantiles: (x, parts) => `APPROX_QUANTILES(${x}, ${parts})`,
  element: (array, j) => `${array}[SAFE_OFFSET(${j})]`,
  // RANGE_BUCKET(x, array) (https://cloud.google.com/bigquery/docs/reference/standard-sql/mathematical_functions#range_bucket):
  // a binary search, the number of elements <= x; the (approximate) min at OFFSET(0) is one of them for
  // all but numbers below it, so one less is the number of cut points <= x (-1: one more bin below).
  bucket: (x, array) => `RANGE_BUCKET(${x}, ${array}) - 1`,
};

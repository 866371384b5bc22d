/**
 * Spark SQL (3.x, https://spark.apache.org/docs/latest/sql-ref-literals.html and
 * sql-ref-identifier.html): backquoted identifiers (`` doubles a backquote), strings with backslash
 * escapes (spark.sql.parser.escapedStringLiterals off, the default). Generated and syntax-checked in the
 * tests, not run.
 */
import { backslashEscaped, checkSqlText, NUMBER_PATTERN, TRIM_CHARS, type Dialect } from './dialect.ts';

const str = (s: string) => `'${backslashEscaped(s, "'")}'`;

export const sparkDialect: Dialect = {
  name: 'spark',
  ident: (name) => `\`${checkSqlText(name, 'name').replaceAll('`', '``')}\``,
  string: str,
  types: { double: 'DOUBLE', text: 'STRING', bigint: 'BIGINT' },
  // regexp_replace rather than trim(BOTH chars FROM s), which older parsers (and node-sql-parser's Hive
  // grammar) do not read; the class holds the characters themselves (\\u escapes in the literal).
  trimmedText: (expr) => `regexp_replace(CAST(${expr} AS STRING), ${str(`^[${TRIM_CHARS}]+|[${TRIM_CHARS}]+$`)}, '')`,
  // CAST is guarded by the pattern (so ANSI mode never sees a bad literal); 1e400 reads as Infinity.
  number: (s) =>
    `CASE WHEN ${s} RLIKE ${str(NUMBER_PATTERN)} AND abs(CAST(${s} AS DOUBLE)) <= CAST('1.7976931348623157E308' AS DOUBLE) THEN CAST(${s} AS DOUBLE) END`,
  // Spark needs an order for row_number: monotonically_increasing_id() follows the scan order. For big
  // tables pass --row-number with a column that numbers the rows (this sorts on one partition).
  rowNumber: 'row_number() OVER (ORDER BY monotonically_increasing_id())',
  isNan: (x) => `isnan(${x})`,
  isFinite: (x) => `(NOT isnan(${x}) AND abs(${x}) <= CAST('1.7976931348623157E308' AS DOUBLE))`,
  // approx_percentile (https://spark.apache.org/docs/latest/api/sql/#approx_percentile) needs the fractions
  // as a constant: a literal array of j / parts (short binary fractions, exact decimals); element_at is 1-based.
  quantiles: (x, parts) =>
    `approx_percentile(${x}, array(${Array.from({ length: parts - 1 }, (_, j) => String((j + 1) / parts)).join(', ')}))`,
  element: (array, j) => `element_at(${array}, ${j})`,
};

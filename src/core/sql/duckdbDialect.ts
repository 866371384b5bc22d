/** DuckDB (https://duckdb.org/docs/sql/dialect/keywords_and_identifiers, .../functions/regular_expressions). */
import { doubleQuoted, NUMBER_PATTERN, singleQuoted, TRIM_CHARS, type Dialect } from './dialect.ts';

/** The trim set as chr() calls, so the printed query holds no raw control characters. */
const TRIM_SET = [...TRIM_CHARS].map((c) => `chr(${c.charCodeAt(0)})`).join(' || ');

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  ident: doubleQuoted,
  string: singleQuoted,
  types: { double: 'DOUBLE', text: 'VARCHAR', bigint: 'BIGINT' },
  trimmedText: (expr) => `trim(CAST(${expr} AS VARCHAR), ${TRIM_SET})`,
  // try_cast reads every literal the pattern lets through (correctly rounded, like Number()); isfinite
  // drops 1e400, which DuckDB reads as infinity. The cast comes first: text cells ("Z3") fail it at once,
  // and only cells that cast pay for the pattern.
  number: (s) =>
    `CASE WHEN isfinite(try_cast(${s} AS DOUBLE)) AND regexp_full_match(${s}, ${singleQuoted(NUMBER_PATTERN)}) THEN try_cast(${s} AS DOUBLE) END`,
  rowNumber: 'row_number() OVER ()',
  isNan: (x) => `isnan(${x})`,
  isFinite: (x) => `isfinite(${x})`,
  // quantile_disc (https://duckdb.org/docs/sql/functions/aggregates): exact quantiles that are values of
  // the data, a list in the order asked. Not quantile_cont: between two equal numbers it can interpolate
  // a double one ulp off them, so a point mass would not sit at its bin's lower cut (measured on the
  // real-data pairs: a bin holding 58% of a column).
  quantiles: (x, parts) => `quantile_disc(${x}, [dm_j / ${parts} for dm_j in range(1, ${parts})])`,
  element: (array, j) => `${array}[${j}]`,
};

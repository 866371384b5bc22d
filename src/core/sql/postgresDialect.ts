/**
 * PostgreSQL (tested on 15). Strings are standard ('' doubles a quote; standard_conforming_strings is on
 * by default since 9.1, so a backslash is an ordinary character). float8 input errors on values past
 * the double range and on non-zero values that round to 0, where Number() gives Infinity and 0: the
 * text is read as numeric first (exact), compared with the limits, and only then as float8 (strtod,
 * correctly rounded). The exponent is limited to 3 digits (past 1e999 numeric input refuses it too).
 */
import { doubleQuoted, singleQuoted, TRIM_CHARS, type Dialect } from './dialect.ts';

const PG_NUMBER = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,3})?$';
/** Halfway between the largest double and 2^1024: from here Number() gives Infinity. */
const OVERFLOW = '1.797693134862315807937289714053e308';
/** Half the smallest subnormal: up to here Number() gives 0. */
const UNDERFLOW = '2.4703282292062327208828439643e-324';

export const postgresDialect: Dialect = {
  name: 'postgres',
  ident: doubleQuoted,
  string: singleQuoted,
  types: { double: 'double precision', text: 'text', bigint: 'bigint' },
  trimmedText: (expr) => `btrim(CAST(${expr} AS text), ${escapeString(TRIM_CHARS)})`,
  number: (s) =>
    `CASE WHEN ${s} ~ ${singleQuoted(PG_NUMBER)} THEN CASE WHEN abs(CAST(${s} AS numeric)) >= ${OVERFLOW} THEN NULL ` +
    `WHEN abs(CAST(${s} AS numeric)) <= ${UNDERFLOW} THEN CAST(0 AS double precision) ELSE CAST(${s} AS double precision) END END`,
  rowNumber: 'row_number() OVER ()',
  isNan: (x) => `(${x} = CAST('NaN' AS double precision))`,
  isFinite: (x) =>
    `(${x} NOT IN (CAST('NaN' AS double precision), CAST('Infinity' AS double precision), CAST('-Infinity' AS double precision)))`,
  // percentile_cont with an array of fractions gives an array of exact (interpolated) quantiles, in that order.
  quantiles: (x, parts) =>
    `percentile_cont(ARRAY(SELECT CAST(dm_j AS double precision) / ${parts} FROM generate_series(1, ${parts - 1}) AS dm_p(dm_j) ORDER BY dm_j)) WITHIN GROUP (ORDER BY ${x})`,
  element: (array, j) => `${array}[${j}]`,
  // width_bucket(x, thresholds): a binary search, the number of thresholds <= x (an ascending array).
  // The planner inlines nested SELECTs, so the generic search would grow exponentially here.
  bucket: (x, array) => `width_bucket(${x}, ${array})`,
};

/** An E'' string for control characters (only used for the fixed trim set). */
function escapeString(s: string): string {
  return `E'${[...s].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}'`;
}

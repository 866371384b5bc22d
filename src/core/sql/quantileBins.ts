/**
 * A numerical column counted exactly or on bins, decided inside the engine (`drift-monitor sql` without
 * --exact): the engine counts the column's distinct numbers (dm_n: exact on PostgreSQL, HyperLogLog
 * elsewhere, see distinctCount); at most `maxExactValues` of them and the column gets one 'n' row per
 * distinct number (as the exact query), more and it gets the binned rows of edgeBins.ts ('d', 'u', 'e').
 * The decision is a scalar subquery on dm_n in each branch's WHERE, so the engine evaluates it once and
 * skips the branch it does not need (PostgreSQL plans it as a one-time filter).
 *
 * The bins come from the engine's own quantiles (Dialect.quantiles: quantile_cont, percentile_cont,
 * approx_percentile, APPROX_QUANTILES) at probabilities j / parts, j = 1..parts-1: `parts` - 1 cut points
 * in one array (dm_q). Each number goes to bin k = the count of cut points at or below it: by the
 * engine's own binary search where it has one (width_bucket, RANGE_BUCKET: Dialect.bucket), else a
 * branchless binary search over the array (one nested SELECT per halving: + 512, + 256, ..., + 1 when
 * the cut point there is <= the number; parts is a power of two, so no index leaves the array), plain
 * SQL. Bin k holds the numbers in [cut k, cut k+1). Per bin the result gives its count, its min and
 * max (values of the data, whatever the engine's quantiles interpolate) and the numbers equal to its min
 * (MIN OVER the bin): those close a bin of their own at the min ('u' and 'e' rows), the others one at
 * the max ('u'). A value holding many quantiles (a point mass) makes equal cut points and is its bin's
 * min, so it costs no error.
 * queryResultProfile.ts builds the binned summary: the CDF exact at every bin's min and max, off between
 * them by at most the bin's numbers above its min and below its max; the largest such share is the
 * profile's bound (ColumnProfile.binned.bound), written in the report.
 */
import type { Dialect } from './dialect.ts';
import { distinctCount } from './edgeBins.ts';

/** Bins per binned column: 1023 cut points, each bin about 1/1024 of the numbers (0.001 of KS per side). */
export const SQL_BIN_PARTS = 1024;

export interface QuantileBinning {
  /** profile.max_exact_values: more distinct numbers than this and the column is binned. */
  maxExactValues: number;
  /** Bins from the quantiles at j / parts (a power of two, at least 2). */
  parts: number;
}

export function checkBinning(b: QuantileBinning): QuantileBinning {
  if (!Number.isSafeInteger(b.maxExactValues) || b.maxExactValues < 0)
    throw new RangeError(`maxExactValues must be a non-negative integer, got ${b.maxExactValues}`);
  if (!Number.isSafeInteger(b.parts) || b.parts < 2 || (b.parts & (b.parts - 1)) !== 0 || b.parts > 2 ** 20)
    throw new RangeError(`parts must be a power of two from 2 to 2^20, got ${b.parts}`);
  return b;
}

/** The CTEs of column i (its cells `cells` become dm_v{i}): distinct count dm_n{i}, cut points dm_q{i}, bins dm_h{i}. */
export function quantileBinCtes(d: Dialect, i: number, cells: string, b: QuantileBinning): string {
  const { maxExactValues: max, parts } = checkBinning(b);
  const binned = `(SELECT nd FROM dm_n${i}) > ${max}`;
  const rows = `FROM dm_v${i} CROSS JOIN dm_q${i} WHERE x IS NOT NULL AND ${binned}`;
  let search: string;
  if (d.bucket !== undefined) search = `SELECT x, e, ${d.bucket('x', 'e')} AS k ${rows}`;
  else {
    // Each level reads k once in the index and once in the sum, so an optimizer that inlines the
    // levels into one expression grows it by 2^levels at worst, not 3^levels.
    search = `SELECT x, e, 0 AS k ${rows}`;
    for (let step = parts / 2; step >= 1; step /= 2)
      search = `SELECT x, e, k + CASE WHEN ${d.element('e', `k + ${step}`)} <= x THEN ${step} ELSE 0 END AS k\n    FROM (${search}) dm_s${step}`;
  }
  return (
    `,\ndm_v${i} AS (${cells}),\n` +
    `dm_n${i} AS (SELECT ${distinctCount(d, 'x')} AS nd, SUM(CASE WHEN x <> floor(x) THEN 1 ELSE 0 END) AS ni, ` +
    `SUM(CASE WHEN s LIKE '%.%' THEN 1 ELSE 0 END) AS np FROM dm_v${i} WHERE x IS NOT NULL),\n` +
    `dm_q${i} AS (SELECT ${d.quantiles('x', parts)} AS e FROM dm_v${i} WHERE x IS NOT NULL AND ${binned}),\n` +
    `dm_h${i} AS (SELECT COUNT(*) AS n, MIN(x) AS lo, MAX(x) AS hi, SUM(CASE WHEN x = dm_lo THEN 1 ELSE 0 END) AS nlo FROM (\n` +
    `    SELECT x, k, MIN(x) OVER (PARTITION BY k) AS dm_lo FROM (\n    ${search}\n  ) dm_k) dm_w GROUP BY k)`
  );
}

/** Column i's result rows: texts and missing cells, then its numbers exact ('n') or binned ('d', 'u', 'e'). */
export function quantileBinBranches(i: number, b: QuantileBinning): string {
  const max = checkBinning(b).maxExactValues;
  return [
    `SELECT ${i}, kind, NULL, txt, COUNT(*), MIN(r), 0 FROM (\n` +
      `    SELECT CASE WHEN m = 1 THEN 'm' ELSE 't' END AS kind, CASE WHEN m = 0 THEN s END AS txt, CASE WHEN m = 0 THEN r END AS r\n` +
      `    FROM dm_v${i} WHERE x IS NULL\n` +
      `  ) dm_d GROUP BY kind, txt`,
    `SELECT ${i}, 'n', x, NULL, COUNT(*), NULL, SUM(CASE WHEN s LIKE '%.%' THEN 1 ELSE 0 END) FROM dm_v${i} ` +
      `WHERE x IS NOT NULL AND (SELECT nd FROM dm_n${i}) <= ${max} GROUP BY x`,
    `SELECT ${i}, 'd', NULL, NULL, nd, ni, np FROM dm_n${i} WHERE nd > ${max}`,
    // Bin [lo, hi]: the numbers at its min close a bin of their own (all at its edge), the rest one at hi.
    `SELECT ${i}, 'u', lo, NULL, nlo, NULL, 0 FROM dm_h${i}`,
    `SELECT ${i}, 'e', lo, NULL, nlo, NULL, 0 FROM dm_h${i}`,
    `SELECT ${i}, 'u', hi, NULL, n - nlo, NULL, 0 FROM dm_h${i} WHERE n > nlo`,
  ].join('\nUNION ALL\n');
}

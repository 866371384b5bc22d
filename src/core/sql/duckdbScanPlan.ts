/**
 * `--engine duckdb`'s plan for a file: the rows of the profile query (profileQuery.ts) computed in a
 * few scans that each cover every column, instead of one branch (one scan, one classification per
 * cell) per column. With 20 columns of 10M rows that is the difference between minutes and seconds.
 *
 *   1. sample (sampleSql): on about 200,000 rows, each column's distinct values and values seen once,
 *      which estimate its distinct count (estimateDistinct) and so decide exact vs binned; per typed
 *      numeric column its median and its point masses (the centre and the own bins of step 2);
 *   2. binned typed columns (binnedSql): one GROUP BY each on an integer key that never decreases with
 *      the number, so each group is an interval (count, min, max);
 *   3. exact columns (exactSql): GROUP BY GROUPING SETS ((c0), (c1), ...) over the raw cells (count and
 *      first row per distinct raw value), then each distinct raw value is read as profileQuery reads a
 *      cell (trimmed, missing, number or text) and the groups that read alike are merged. A cell's
 *      reading depends only on its value, so counts, first rows and the '.' count are those of the
 *      per-cell query.
 *
 * Binned text columns (numbers written as text, as in a CSV) still need a per-cell reading and go
 * through profileQuery's own binned branches. Every piece yields rows in profileQuery's result
 * shape (ResultRow), read by the same profileFromQueryResult.
 */
import { duckdbDialect as d } from './duckdbDialect.ts';
import type { ResultRow } from './queryResultProfile.ts';

export interface ScanPlanSource {
  /** The relation to read (read_parquet(...) / read_csv(...)), built from quoted parts only. */
  from: string;
  columns: readonly string[];
  /** Columns stored as numbers (read as doubles, not through their text). */
  numberColumns: ReadonlySet<string>;
  missingValues: readonly string[];
  /** 1-based row numbers (file order). */
  rowExpression: string;
}

const asDouble = (c: string) => `CAST(${d.ident(c)} AS DOUBLE)`;

/**
 * Step 1, on a sample of the rows (`sample`: a USING SAMPLE clause, '' for all rows, or filters whose rows
 * together are the sample): per column
 * `d<i>` distinct raw values and `f<i>` values seen once (the distinct-count estimate below); per typed
 * numeric column i `c<i>` its median (the centre of its bins) and `ni<j>` numbers that are not integers;
 * `m` the sample's rows.
 */
export function sampleSql(src: ScanPlanSource, sample: string | readonly string[]): string {
  const typed = src.columns.map((c, i) => i).filter((i) => src.numberColumns.has(src.columns[i]));
  const picked = src.columns.map((c, i) => `${d.ident(c)} AS c${i}`).join(', ');
  const sets = src.columns.map((_, i) => `(c${i})`).join(', ');
  // Per grouping set: its column's distinct values and values seen once, pivoted into one row.
  const perColumn = src.columns.map((_, i) => `max(d) FILTER (WHERE s = ${i}) AS d${i}, max(f) FILTER (WHERE s = ${i}) AS f${i}`);
  // The set of a dm_k row: the index of its one grouped column (grouping(c) = 0 there, 1 elsewhere).
  const set = src.columns.map((_, i) => `(1 - g${i}) * ${i}`).join(' + ');
  const x = (i: number) => `CAST(c${i} AS DOUBLE)`;
  const perTyped = typed.map(
    (i) =>
      `quantile_disc(${x(i)}, 0.5) FILTER (WHERE isfinite(${x(i)})) AS c${i}, count(*) FILTER (WHERE isfinite(${x(i)}) AND ${x(i)} <> floor(${x(i)})) AS ni${i}`,
  );
  // Numbers holding at least 1/POINT_MASS_SHARE of the sample (at least 2 cells): their own bins. A
  // dm_k row has one column that is not NULL by grouping (its set's), so coalesce picks its number.
  const pointMasses = typed.map((i) => `first(pm) FILTER (WHERE s = ${i}) AS pm${i}`);
  const number = typed.length ? `coalesce(${typed.map(x).join(', ')})` : 'CAST(NULL AS DOUBLE)';
  // Several filters: one scan each, so each prunes its row groups (an OR of them reads every row group).
  const rows =
    typeof sample === 'string'
      ? `SELECT ${picked} FROM ${src.from}${sample}`
      : sample.map((w) => `SELECT ${picked} FROM ${src.from} WHERE ${w}`).join(' UNION ALL ');
  return (
    `WITH dm_s AS MATERIALIZED (${rows}),\n` +
    `dm_k AS (SELECT ${src.columns.map((_, i) => `grouping(c${i}) AS g${i}`).join(', ')}, ${typed.map((i) => `c${i}, `).join('')}count(*) AS k FROM dm_s GROUP BY GROUPING SETS (${sets})),\n` +
    `dm_a AS (SELECT ${['count(*) AS m', ...perTyped].join(', ')} FROM dm_s),\n` +
    `dm_c AS (SELECT s, count(*) AS d, count(*) FILTER (WHERE k = 1) AS f, ` +
    `list(v) FILTER (WHERE isfinite(v) AND k >= greatest(2, (SELECT count(*) FROM dm_s) / ${POINT_MASS_SHARE})) AS pm ` +
    `FROM (SELECT ${set} AS s, k, ${number} AS v FROM dm_k) dm_v GROUP BY s),\n` +
    `dm_b AS (SELECT ${[...perColumn, ...pointMasses].join(', ')} FROM dm_c)\n` +
    `SELECT * FROM dm_a, dm_b`
  );
}

/**
 * The distinct values of a column of `rows` rows from a sample of `sampleRows` of them with `distinct`
 * values, `once` of them seen once: exact when the sample is the table, else the GEE estimate
 * (Charikar, Chaudhuri, Motwani, Narasayya, "Towards estimation error guarantees for distinct values",
 * PODS 2000): values seen more than once, plus those seen once scaled by sqrt(rows / sampleRows).
 */
export function estimateDistinct(rows: number, sampleRows: number, distinct: number, once: number): number {
  if (sampleRows >= rows || sampleRows === 0) return distinct;
  return Math.round(distinct - once + Math.sqrt(rows / sampleRows) * once);
}

/** A number holding 1/POINT_MASS_SHARE of the sample or more gets a bin of its own (at most MAX_POINT_MASSES). */
export const POINT_MASS_SHARE = 4000;
export const MAX_POINT_MASSES = 32;

/** Bins per doubling of the distance to the sample median: each spans about 0.07% of it. */
export const TAIL_BITS = 10;
// > 1075 * 2^TAIL_BITS: keys of numbers above the median stay positive down to the smallest
// subnormal distance, those below negative, the median's own 0.
const OFFSET = 1_200_000;
/** The smallest positive double: log2 of it (-1074) stands for a distance of 0. */
const TINY = "CAST('5e-324' AS DOUBLE)";

/**
 * Step 2 for typed numeric columns with too many distinct numbers: each column grouped on an integer
 * key that never decreases with the number, so each group is an interval of numbers:
 * sign(x - m) * (log2|x - m| * 2^TAIL_BITS + OFFSET) rounded (on halves, below), m the sample median, so bins are about
 * 0.07% of their distance to the median wide (fine near the centre, geometric in heavy tails, and a
 * column far from 0 with a small spread keeps small bins). One expression without branches per cell:
 * NULL, NaN and the infinities have no integer key (TRY_CAST gives NULL) and share the NULL group,
 * whose max tells whether infinities may be among them (max ignores NULL; NaN sorts above +inf, so
 * `nan` flags a max that hides them). Per group: count, max (and, when `countNonInteger`, numbers that
 * are not integers); no min, which would cost a comparison per cell for the one use of telling a
 * group of one number (a point mass's own group, or one cell, are known without it). Counts as
 * DOUBLE (exact to 2^53), so the result reads as plain numbers. One GROUP BY per column (each reads
 * only its column), joined by UNION ALL, sorted by column and key (the keys' order is the numbers':
 * binnedColumnProfile reads them in order).
 */
export function binnedSql(
  src: ScanPlanSource,
  columns: readonly { index: number; centre: number; pointMasses: readonly number[]; countNonInteger: boolean }[],
): string {
  return columns
    .map(({ index: i, centre, pointMasses, countNonInteger }) => {
      // Halves: x / 2 - m / 2 never overflows to an infinity (x - m can), and only the infinities and NaN
      // have no key. Halving and subtracting a constant are monotone (rounding keeps order).
      const h = doubleLiteral(centre / 2);
      // d once per cell; |d| + TINY: log2 of 0 is an error in DuckDB, and adding the smallest double
      // keeps the order (it changes only distances below 2^-1021) at one addition, not a comparison.
      const key = `TRY_CAST(sign(d) * (log2(abs(d) + ${TINY}) * ${2 ** TAIL_BITS} + ${OFFSET}) AS INTEGER)`;
      // 2 * (point masses below x) + (1 when x is one): non-decreasing in x, so (k, p) groups are still
      // intervals, and each point mass is a group of one number (all at its edge: no error).
      const masses = [...pointMasses].sort((u, v) => u - v).slice(0, MAX_POINT_MASSES);
      const p = masses.map((v) => `CAST(x >= ${doubleLiteral(v)} AS INTEGER) + CAST(x > ${doubleLiteral(v)} AS INTEGER)`).join(' + ');
      const ni = countNonInteger ? `CAST(count(*) FILTER (WHERE isfinite(x) AND x <> floor(x)) AS DOUBLE)` : 'CAST(0 AS DOUBLE)';
      return (
        `SELECT CAST(${i} AS DOUBLE) AS col, CAST(k AS DOUBLE) AS k, ${p ? 'CAST(p AS DOUBLE)' : 'CAST(0 AS DOUBLE)'} AS p, ` +
        `CAST(count(*) AS DOUBLE) AS n, max(x) AS hi, CASE WHEN isnan(max(x)) THEN 1.0 ELSE 0.0 END AS nan, ${ni} AS ni ` +
        `FROM (SELECT x, ${key} AS k${p ? `, ${p} AS p` : ''} FROM (SELECT x, x * 0.5 - ${h} AS d FROM (SELECT ${asDouble(src.columns[i])} AS x FROM ${src.from}) dm_w) dm_x) dm_y ` +
        `GROUP BY k${p ? ', p' : ''}`
      );
    })
    .join('\nUNION ALL\n')
    .concat('\nORDER BY col, k NULLS LAST, p');
}

/** A double as a DuckDB literal that reads back as the same double. */
function doubleLiteral(x: number): string {
  return `CAST('${String(x)}' AS DOUBLE)`;
}

/** The texts, counts and first rows of a typed column's infinite cells (rare: asked only when step 2 saw some). */
export function infinitiesSql(src: ScanPlanSource, i: number): string {
  const c = d.ident(src.columns[i]);
  return `SELECT CAST(${c} AS VARCHAR) AS t, count(*) AS n, min(${src.rowExpression}) AS fr FROM ${src.from} WHERE isinf(CAST(${c} AS DOUBLE)) GROUP BY t`;
}

/** One column's groups from binnedSql, column-wise (k NaN: the NULL group of NULL, NaN and infinite cells). */
export interface BinGroups {
  k: Float64Array;
  /** Odd: the group of one point mass (one number). */
  p: Float64Array;
  n: Float64Array;
  hi: Float64Array;
  /** 1 where the group's max is NaN. */
  nan: Float64Array;
  ni: Float64Array;
  /** The rows of this column's groups. */
  at: readonly number[];
}

/**
 * True when the column's NULL-key group may hold infinities: its max is one, or NaN, which hides
 * them (then infinitiesSql gives their texts and counts; with NaN and no infinity, none).
 */
export function hasInfinities(g: BinGroups): boolean {
  return g.at.some((r) => Number.isNaN(g.k[r]) && (Math.abs(g.hi[r]) === Infinity || g.nan[r] === 1));
}

/**
 * The profile query's rows for binned column i from its groups: missing cells (NULL, NaN: the NULL
 * group less the infinities), the infinities' texts (from infinitiesSql), a 'd' row (the distinct
 * estimate; numbers that are not integers: `nonInteger`, or the groups' count), and per group a bin
 * closed at its max ('u'), all at its edge ('e') when the group holds one number: a point mass's
 * group (odd p) or a group of one cell.
 */
export function binnedRows(
  i: number,
  g: BinGroups,
  infinities: readonly { t: string; n: number; fr: number }[],
  distinct: number,
  nonInteger: number,
): ResultRow[] {
  const out: ResultRow[] = [];
  const row = (kind: string, num: number | null, txt: string | null, n: number, first: number | null) =>
    out.push({ col: i, kind, num, txt, n, first_row: first, points: 0 });
  const finite: number[] = [];
  let special = 0;
  for (const r of g.at) {
    if (Number.isNaN(g.k[r])) special += g.n[r];
    else finite.push(r);
  }
  const missing = special - infinities.reduce((s, t) => s + t.n, 0);
  if (missing > 0) row('m', null, null, missing, null);
  for (const t of infinities) row('t', null, t.t, t.n, t.fr);
  // Each group is an interval and the query sorts them by key: in order already.
  let ni = 0;
  for (const r of finite) ni += g.ni[r];
  row('d', null, null, distinct, nonInteger > 0 ? nonInteger : ni);
  for (const r of finite) {
    row('u', g.hi[r], null, g.n[r], null);
    if (g.n[r] === 1 || g.p[r] % 2 === 1) row('e', g.hi[r], null, g.n[r], null);
  }
  return out;
}

/**
 * Step 3: the profile query's rows for the exact columns (indexes into src.columns), from one
 * GROUPING SETS scan over their raw cells.
 */
export function exactSql(src: ScanPlanSource, exact: readonly number[]): string {
  const markers = [...new Set(src.missingValues.map((m) => m.trim()).filter((m) => m !== ''))];
  const isMissing = (s: string) => `${s} IS NULL OR ${s} = ''${markers.length ? ` OR ${s} IN (${markers.map(d.string).join(', ')})` : ''}`;
  const picked = exact.map((i) => `${d.ident(src.columns[i])} AS c${i}`).join(', ');
  const groups = exact.map((i) => `grouping(c${i}) AS g${i}, c${i}`).join(', ');
  const branch = (i: number) => {
    // (s, fr, n, m, x) per distinct raw value: text, first row, count, missing 0/1, finite number or NULL.
    const cells = src.numberColumns.has(src.columns[i])
      ? `SELECT CASE WHEN NOT isfinite(CAST(c${i} AS DOUBLE)) AND NOT isnan(CAST(c${i} AS DOUBLE)) THEN CAST(c${i} AS VARCHAR) END AS s, fr, n, ` +
        `CASE WHEN c${i} IS NULL OR isnan(CAST(c${i} AS DOUBLE)) THEN 1 ELSE 0 END AS m, ` +
        `CASE WHEN isfinite(CAST(c${i} AS DOUBLE)) THEN CAST(c${i} AS DOUBLE) END AS x FROM dm_g WHERE g${i} = 0`
      : `SELECT s, fr, n, m, CASE WHEN m = 0 THEN ${d.number('s')} END AS x\n` +
        `      FROM (SELECT s, fr, n, CASE WHEN ${isMissing('s')} THEN 1 ELSE 0 END AS m\n` +
        `        FROM (SELECT ${d.trimmedText(`c${i}`)} AS s, fr, n FROM dm_g WHERE g${i} = 0) dm_a) dm_b`;
    return (
      `SELECT CAST(${i} AS BIGINT) AS col, kind, num, txt, CAST(SUM(n) AS BIGINT) AS n, MIN(fr) AS first_row, CAST(SUM(p) AS BIGINT) AS points FROM (\n` +
      `    SELECT CASE WHEN m = 1 THEN 'm' WHEN x IS NOT NULL THEN 'n' ELSE 't' END AS kind, x AS num,\n` +
      `      CASE WHEN m = 0 AND x IS NULL THEN s END AS txt, CASE WHEN m = 0 AND x IS NULL THEN fr END AS fr, n,\n` +
      `      CASE WHEN x IS NOT NULL AND s LIKE '%.%' THEN n ELSE 0 END AS p\n` +
      `    FROM (${cells}) dm_c\n` +
      `  ) dm_d GROUP BY kind, num, txt`
    );
  };
  return (
    `WITH dm_src AS (SELECT ${picked}, ${src.rowExpression} AS r FROM ${src.from}),\n` +
    `dm_g AS MATERIALIZED (SELECT ${groups}, count(*) AS n, min(r) AS fr FROM dm_src GROUP BY GROUPING SETS (${exact.map((i) => `(c${i})`).join(', ')}))\n` +
    exact.map(branch).join('\nUNION ALL\n') +
    '\n'
  );
}

/**
 * A production column counted on a reference profile's bins (`drift-monitor sql --edges-from`), in any
 * dialect. Each number goes to the first edge at or above it, found by a balanced tree of CASE WHEN
 * x <= edge (about log2(edges) comparisons a number, plain SQL every engine reads); numbers above the
 * last edge go to one more bin that closes at their max. The rows are a binned column's
 * (profileQuery.ts, binnedBranches): texts and missing cells as for an exact column, one 'd' row
 * (distinct count, non-integers, numbers written with a '.'), per non-empty bin a 'u' row (its closing
 * edge, its count) and an 'e' row (the numbers equal to that edge), so queryResultProfile.ts builds a
 * binned summary on the reference's own edges and its bound (largest share strictly inside a bin).
 */
import { InputError } from '../errors.ts';
import type { Profile } from '../profile/columnProfile.ts';
import type { Dialect } from './dialect.ts';
import { doubleLiteral } from './numberLiteral.ts';

/** The CTEs dm_v{i} (the column's cells: s, r, m, x) and dm_b{i} (its numbers with their bin's edge b, NULL above the last). */
export function edgeBinCtes(d: Dialect, i: number, cells: string, edges: readonly number[], what: string): string {
  if (edges.length === 0) throw new InputError(`${what}: there are none; profile the reference again`);
  const lits = edges.map((e, k) => doubleLiteral(d, e, `${what}, edge ${k + 1}`));
  for (let k = 1; k < edges.length; k++)
    if (!(edges[k] > edges[k - 1]))
      throw new InputError(`${what}: edge ${k + 1} (${edges[k]}) is not above the one before it; profile the reference again`);
  /** The first edge in lits[lo..hi] at or above x; index edges.length stands for "above the last" (NULL). */
  const tree = (lo: number, hi: number): string => {
    if (lo === hi) return lo < lits.length ? lits[lo] : `CAST(NULL AS ${d.types.double})`;
    const mid = (lo + hi) >> 1;
    return `CASE WHEN x <= ${lits[mid]} THEN ${tree(lo, mid)} ELSE ${tree(mid + 1, hi)} END`;
  };
  return `,\ndm_v${i} AS (${cells}),\n` + `dm_b${i} AS (SELECT s, x, ${tree(0, lits.length)} AS b FROM dm_v${i} WHERE x IS NOT NULL)`;
}

/** An approximate (or, on PostgreSQL, exact) count of distinct values: only a fact for the profile. */
export function distinctCount(d: Dialect, x: string): string {
  return d.name === 'postgres'
    ? `COUNT(DISTINCT ${x})`
    : d.name === 'bigquery'
      ? `APPROX_COUNT_DISTINCT(${x})`
      : `approx_count_distinct(${x})`;
}

/** Column i's result rows (see the file comment). */
export function edgeBinBranches(d: Dialect, i: number): string {
  return [
    `SELECT ${i}, kind, NULL, txt, COUNT(*), MIN(r), 0 FROM (\n` +
      `    SELECT CASE WHEN m = 1 THEN 'm' ELSE 't' END AS kind, CASE WHEN m = 0 THEN s END AS txt, CASE WHEN m = 0 THEN r END AS r\n` +
      `    FROM dm_v${i} WHERE x IS NULL\n` +
      `  ) dm_d GROUP BY kind, txt`,
    `SELECT ${i}, 'd', NULL, NULL, ${distinctCount(d, 'x')}, SUM(CASE WHEN x <> floor(x) THEN 1 ELSE 0 END), SUM(CASE WHEN s LIKE '%.%' THEN 1 ELSE 0 END) FROM dm_b${i}`,
    `SELECT ${i}, 'u', COALESCE(b, MAX(x)), NULL, COUNT(*), NULL, 0 FROM dm_b${i} GROUP BY b`,
    `SELECT ${i}, 'e', b, NULL, COUNT(*), NULL, 0 FROM dm_b${i} WHERE x = b GROUP BY b`,
    `SELECT ${i}, 'e', x, NULL, COUNT(*), NULL, 0 FROM dm_b${i} WHERE b IS NULL AND x = (SELECT MAX(x) FROM dm_b${i}) GROUP BY x`,
  ].join('\nUNION ALL\n');
}

/**
 * The bin edges of a reference profile's binned columns (ColumnProfile.binned) among `columns`, to count
 * a production side on them (`sql --edges-from`, `--engine duckdb` against a reference profile). An
 * exact reference column keeps exact counts per value (they compare exactly), as does a sketch column
 * (a sketch has no edges).
 */
export function binnedEdges(reference: Profile, columns?: readonly string[]): Map<string, number[]> {
  const edges = new Map<string, number[]>();
  for (const c of reference.columns)
    if (
      (columns === undefined || columns.includes(c.name)) &&
      c.binned !== undefined &&
      c.numbers.mode === 'exact' &&
      c.numbers.values.length > 0
    )
      edges.set(c.name, Array.from(c.numbers.values));
  return edges;
}

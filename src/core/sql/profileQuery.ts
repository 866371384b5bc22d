/**
 * The profile query: one SQL statement whose result is a small table of counts from which
 * queryResultProfile.ts builds the profile the CSV reader would have built from the same cells.
 *
 * Each column's cells are read as text (CAST, so typed and text columns alike), trimmed as the CSV
 * reader trims, and sorted into missing (NULL, empty, a missing marker), number (the decimal literals
 * parseNumber reads, see Dialect.number) or text. The result has one row per
 *
 *   col  kind  num   txt   n      first_row  points
 *   -2   'q'   NULL  id    0      NULL       0      the query id (the result is checked against its query)
 *   -1   'r'   NULL  NULL  rows   NULL       0      rows of the table (after --where)
 *   i    'm'   NULL  NULL  count  NULL       0      missing cells of column i
 *   i    'n'   x     NULL  count  NULL       pts    each distinct number x of column i; pts cells written with a '.'
 *   i    't'   NULL  text  count  first row  0      each distinct text of column i, the row it first occurs in
 *
 * so its size is the number of distinct values, not of rows: only these aggregates leave the engine.
 * Rows are numbered in the engine's scan order, or by a column given as `rowNumber`; the numbers
 * order the texts by first appearance and name the first non-numeric cell in messages, as a CSV's
 * line numbers do.
 *
 * Names and markers enter the SQL only quoted by the dialect (Dialect.ident / Dialect.string). `where`
 * is SQL written by the operator who runs the query, pasted inside parentheses: trusted like the
 * query itself, but refused if it holds a ';' or a comment opener, so it cannot end the statement or
 * hide the rest of it.
 */
import { InputError } from '../errors.ts';
import type { Dialect } from './dialect.ts';
import { checkSqlText } from './dialect.ts';
import { type SqlMeta, metaId, SQL_META_FORMAT, SQL_META_VERSION } from './sqlMeta.ts';
import { edgeBinBranches, edgeBinCtes } from './edgeBins.ts';
import { checkBinning, type QuantileBinning, quantileBinBranches, quantileBinCtes } from './quantileBins.ts';

export interface ProfileQueryOptions {
  dialect: Dialect;
  /** Table name; dotted parts ("project.dataset.table") are quoted one by one. */
  table: string;
  /** Columns to profile, in order (names as the engine spells them). */
  columns: string[];
  /** data.missing_values: cells (trimmed) read as missing; the empty cell always is. */
  missingValues: string[];
  /**
   * Columns the engine stores as numbers (DuckDB reads a Parquet file's types): read as doubles, not
   * through their text: NULL and NaN are missing, infinities are text ("inf"), as a CSV reader reads the
   * cells "NaN" and "inf" with the default markers. Other columns go through their text.
   */
  numberColumns?: readonly string[];
  /**
   * Columns whose numbers are counted on bins instead of per value (more distinct numbers than
   * profile.max_exact_values): `bins` bins between quantiles of a reservoir sample of `sample` numbers
   * (plus the exact min and max), so the bin edges are data values. Each bin gives its count and the
   * count exactly at its closed end; queryResultProfile.ts turns them into a binned summary whose CDF
   * is exact at the edges and off by at most the largest in-bin share between them. DuckDB only.
   */
  binned?: { columns: readonly string[]; bins: number; sample: number };
  /**
   * Columns counted on a reference profile's bins (`sql --edges-from`): column name -> the reference's
   * bin edges, ascending (each bin closes at its edge). Numbers above the last edge form one more bin
   * closing at their max. The result has the binned rows ('d', 'u', 'e'), so both profiles hold the
   * same edges and compare bin for bin. Edges enter the SQL only as checked double literals
   * (numberLiteral.ts). Every dialect.
   */
  edges?: ReadonlyMap<string, readonly number[]>;
  /**
   * Every other column (not `binned`, not in `edges`): numbers counted exactly when the engine counts at
   * most `maxExactValues` distinct ones, else on bins between the engine's own quantiles, decided in the
   * engine (quantileBins.ts). Every dialect. Without it, numbers are counted exactly per value.
   */
  quantileBins?: QuantileBinning;
  /** An SQL expression numbering the rows (for --engine duckdb: a Parquet file's file_row_number + 1). */
  rowExpression?: string;
  /** A column holding 1-based row numbers (file order); null: the engine's scan order. */
  rowNumber?: string | null;
  /** Trusted SQL condition (see the file comment), or null. */
  where?: string | null;
  /** Recorded in the profile's source, as `profile --label/--drop` record them. */
  label?: string | null;
  dropped?: string[];
  /**
   * Instead of `table`: an SQL expression to read from (DuckDB's read_csv(...) for --engine duckdb).
   * Built by the caller from quoted parts only.
   */
  from?: string;
}

export interface ProfileQuery {
  sql: string;
  meta: SqlMeta;
}

/** Table name parts: "a.b.c" -> [a, b, c]; a part with a dot in it cannot be named this way. */
export function tableParts(table: string): string[] {
  const parts = table.split('.');
  if (table === '' || parts.some((p) => p === ''))
    throw new InputError(`--table ${JSON.stringify(table)} is not a table name; give name or schema.name (parts separated by single dots)`);
  return parts;
}

export function checkWhere(where: string): string {
  checkSqlText(where, '--where');
  for (const bad of [';', '--', '/*', '*/'])
    if (where.includes(bad))
      throw new InputError(
        `--where must be one SQL condition without ${JSON.stringify(bad)} (it is pasted into the query as written); remove it`,
      );
  if (where.trim() === '') throw new InputError('--where is empty; leave it out to profile the whole table');
  return where;
}

export function profileQuery(o: ProfileQueryOptions): ProfileQuery {
  const d = o.dialect;
  if (o.columns.length === 0) throw new InputError('the profile query needs at least one column (--columns a,b,c)');
  const seen = new Set<string>();
  for (const c of o.columns) {
    if (seen.has(c)) throw new InputError(`column ${JSON.stringify(c)} is listed twice in --columns; list each column once`);
    seen.add(c);
  }
  const where = o.where == null ? null : checkWhere(o.where);
  const metaBase = {
    format: SQL_META_FORMAT,
    version: SQL_META_VERSION,
    dialect: d.name,
    table: o.table,
    columns: [...o.columns],
    missing_values: [...o.missingValues],
    row_number: o.rowNumber ?? null,
    where,
    label: o.label ?? null,
    dropped: [...(o.dropped ?? [])],
    ...(o.edges !== undefined && o.edges.size > 0
      ? { edges: Object.fromEntries(o.columns.filter((c) => o.edges!.has(c)).map((c) => [c, [...o.edges!.get(c)!]])) }
      : {}),
    ...(o.quantileBins !== undefined
      ? { bins: { max_exact_values: checkBinning(o.quantileBins).maxExactValues, parts: o.quantileBins.parts } }
      : {}),
  } satisfies Omit<SqlMeta, 'query_id'>;
  const meta: SqlMeta = { ...metaBase, query_id: metaId(metaBase) };

  const from = o.from ?? tableParts(o.table).map(d.ident).join('.');
  const row = o.rowExpression ?? (o.rowNumber ? `CAST(${d.ident(o.rowNumber)} AS ${d.types.bigint})` : d.rowNumber);
  const binned = new Set(o.binned?.columns ?? []);
  const edges = o.edges ?? new Map<string, readonly number[]>();
  for (const c of edges.keys())
    if (binned.has(c)) throw new RangeError(`column ${JSON.stringify(c)} is both binned and counted on given edges`);
  if (binned.size > 0 && d.name !== 'duckdb')
    throw new InputError(
      `binned columns are generated for DuckDB only in this version; profile ${[...binned].map((c) => JSON.stringify(c)).join(', ')} with --dialect duckdb or exactly`,
    );
  const picked = o.columns.map((c, i) => `${d.ident(c)} AS c${i}`).join(', ');
  const markers = [...new Set(o.missingValues.map((m) => m.trim()).filter((m) => m !== ''))];
  const isMissing = (s: string) => `${s} IS NULL OR ${s} = ''${markers.length ? ` OR ${s} IN (${markers.map(d.string).join(', ')})` : ''}`;
  const { double, text, bigint } = d.types;

  const typed = new Set(o.numberColumns ?? []);
  /** The column's (s, r, m, x) rows: trimmed text, row, missing 0/1, finite number or NULL. */
  const cells = (i: number) =>
    typed.has(o.columns[i])
      ? `SELECT CASE WHEN NOT ${d.isFinite(`CAST(c${i} AS ${double})`)} AND NOT ${d.isNan(`CAST(c${i} AS ${double})`)} THEN CAST(c${i} AS ${text}) END AS s, r, ` +
        `CASE WHEN c${i} IS NULL OR ${d.isNan(`CAST(c${i} AS ${double})`)} THEN 1 ELSE 0 END AS m, ` +
        `CASE WHEN ${d.isFinite(`CAST(c${i} AS ${double})`)} THEN CAST(c${i} AS ${double}) END AS x FROM dm_src`
      : `SELECT s, r, m, CASE WHEN m = 0 THEN ${d.number('s')} END AS x\n` +
        `      FROM (SELECT s, r, CASE WHEN ${isMissing('s')} THEN 1 ELSE 0 END AS m\n` +
        `        FROM (SELECT ${d.trimmedText(`c${i}`)} AS s, r FROM dm_src) dm_a) dm_b`;
  const branches = [
    `SELECT CAST(-2 AS ${bigint}) AS col, CAST('q' AS ${text}) AS kind, CAST(NULL AS ${double}) AS num, CAST(${d.string(meta.query_id)} AS ${text}) AS txt, ` +
      `CAST(0 AS ${bigint}) AS n, CAST(NULL AS ${bigint}) AS first_row, CAST(0 AS ${bigint}) AS points`,
    `SELECT -1, 'r', NULL, NULL, COUNT(*), NULL, 0 FROM dm_src`,
    ...o.columns.map((c, i) =>
      binned.has(c)
        ? binnedBranches(i)
        : edges.has(c)
          ? edgeBinBranches(d, i)
          : o.quantileBins !== undefined
            ? quantileBinBranches(i, o.quantileBins)
            : `SELECT ${i}, kind, num, txt, COUNT(*), MIN(r), SUM(p) FROM (\n` +
              `    SELECT CASE WHEN m = 1 THEN 'm' WHEN x IS NOT NULL THEN 'n' ELSE 't' END AS kind, x AS num,\n` +
              `      CASE WHEN m = 0 AND x IS NULL THEN s END AS txt, CASE WHEN m = 0 AND x IS NULL THEN r END AS r,\n` +
              `      CASE WHEN x IS NOT NULL AND s LIKE '%.%' THEN 1 ELSE 0 END AS p\n` +
              `    FROM (${cells(i)}) dm_c\n` +
              `  ) dm_d GROUP BY kind, num, txt`,
    ),
  ];
  const binnedCtes = o.columns
    .map((c, i) =>
      binned.has(c) ? `,\ndm_v${i} AS (${cells(i)}),\ndm_e${i} AS MATERIALIZED (${binEdges(i, o.binned!.bins, o.binned!.sample)})` : '',
    )
    .join('');
  const edgeCtes = o.columns
    .map((c, i) =>
      edges.has(c) ? edgeBinCtes(d, i, cells(i), edges.get(c)!, `the reference's bin edges of column ${JSON.stringify(c)}`) : '',
    )
    .join('');
  const quantileCtes =
    o.quantileBins === undefined
      ? ''
      : o.columns.map((c, i) => (binned.has(c) || edges.has(c) ? '' : quantileBinCtes(d, i, cells(i), o.quantileBins!))).join('');
  const sql =
    `-- drift-monitor profile query (${d.name}), query id ${meta.query_id}: one row per distinct value of each column, see README "Monitoring a warehouse table"\n` +
    `WITH dm_src AS (\n  SELECT ${picked}, ${row} AS r\n  FROM ${from}${where === null ? '' : `\n  WHERE (${where})`}\n)${binnedCtes}${edgeCtes}${quantileCtes}\n` +
    branches.join('\nUNION ALL\n') +
    '\n';
  return { sql, meta };
}

/** The bin edges of column i, computed once (MATERIALIZED: the reservoir sample is random). */
function binEdges(i: number, bins: number, sample: number): string {
  if (!(Number.isInteger(bins) && bins >= 2 && Number.isInteger(sample) && sample >= bins))
    throw new RangeError(`binned: bins must be an integer >= 2 and sample >= bins, got ${bins}, ${sample}`);
  return (
    `SELECT list_sort(list_distinct(list_concat([min(x), max(x)], reservoir_quantile(x, [k / ${bins} for k in range(${bins + 1})], ${sample})))) AS e ` +
    `FROM dm_v${i} WHERE x IS NOT NULL`
  );
}

/**
 * A binned column's rows (DuckDB): texts and missing cells as for an exact column; one 'd' row (n: the
 * engine's approximate distinct count of the numbers, HyperLogLog; first_row: how many are not
 * integers; points: how many were written with a '.'); per bin a 'u' row (num: the bin's upper edge,
 * n: numbers in (previous edge, edge], as DuckDB's histogram counts them) and an 'e' row (n: numbers
 * equal to the edge).
 */
function binnedBranches(i: number): string {
  return [
    `SELECT ${i}, kind, NULL, txt, COUNT(*), MIN(r), 0 FROM (\n` +
      `    SELECT CASE WHEN m = 1 THEN 'm' ELSE 't' END AS kind, CASE WHEN m = 0 THEN s END AS txt, CASE WHEN m = 0 THEN r END AS r\n` +
      `    FROM dm_v${i} WHERE x IS NULL\n` +
      `  ) dm_d GROUP BY kind, txt`,
    `SELECT ${i}, 'd', NULL, NULL, approx_count_distinct(x), SUM(CASE WHEN x <> floor(x) THEN 1 ELSE 0 END), SUM(CASE WHEN s LIKE '%.%' THEN 1 ELSE 0 END) FROM dm_v${i} WHERE x IS NOT NULL`,
    `SELECT ${i}, 'u', unnest(map_keys(h)), NULL, unnest(map_values(h)), NULL, 0 FROM (SELECT histogram(x, e) AS h FROM dm_v${i}, dm_e${i} WHERE x IS NOT NULL GROUP BY e) dm_h`,
    `SELECT ${i}, 'e', x, NULL, COUNT(*), NULL, 0 FROM dm_v${i} WHERE x IN (SELECT unnest(e) FROM dm_e${i}) GROUP BY x`,
  ].join('\nUNION ALL\n');
}

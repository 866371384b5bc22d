/**
 * `--engine duckdb`: a CSV or Parquet file (or a glob of them) profiled inside DuckDB with the
 * generated profile query (core/sql/profileQuery.ts); only the query's small result reaches
 * JavaScript, so files larger than memory work, and DuckDB reads them with all its threads.
 *
 * CSV files are read as text (all_varchar) and typed by the same rules as the CSV reader; a Parquet
 * file's numeric columns are read as numbers (its schema says what they are), its other columns
 * through their text. Nested columns (LIST, STRUCT, MAP...) are left out with a warning.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { ColumnProfile, Profile, ProfileConfig } from '../core/profile/columnProfile.ts';
import { binnedColumnProfile } from '../core/sql/binnedColumnProfile.ts';
import { duckdbDialect } from '../core/sql/duckdbDialect.ts';
import { profileQuery } from '../core/sql/profileQuery.ts';
import { profileFromQueryResult, type ResultRow } from '../core/sql/queryResultProfile.ts';
import {
  type BinGroups,
  binnedSql,
  estimateDistinct,
  exactSql,
  hasInfinities,
  infinitiesSql,
  sampleSql,
  type ScanPlanSource,
} from '../core/sql/duckdbScanPlan.ts';
import { openDuckDb, type DuckDbSession } from './duckdbEngine.ts';

export interface DuckDbFileOptions {
  /** data.delimiter ('auto': DuckDB's sniffer). */
  delimiter: string;
  missingValues: string[];
  /** Columns left out (columns.drop). */
  skipColumns: string[];
  label: string | null;
  profile: ProfileConfig;
  /**
   * Columns counted on a reference profile's bin edges (core/sql/edgeBins.ts binnedEdges): name -> edges,
   * ascending. Those columns go through profileQuery's edge branches, so both profiles hold the same edges.
   */
  edges?: ReadonlyMap<string, readonly number[]>;
  /** An open session to reuse (tests); default: a new in-memory database, closed after. */
  session?: DuckDbSession;
}

/**
 * Bins of a binned column (more distinct numbers than profile.max_exact_values) and the reservoir
 * sample their edges come from: about 1/1000 of the numbers per bin, so KS is within about 0.001 per
 * binned side (the report states the measured bound).
 */
export const DUCKDB_BINS = 1000;
export const DUCKDB_BIN_SAMPLE = 100_000;
/** Rows of the sample whose distinct counts decide exact vs binned (all rows of a smaller table). */
export const DUCKDB_DECISION_SAMPLE = 200_000;

/** A LIST value from @duckdb/node-api (DuckDBListValue: { items }) as an array ([] for NULL). */
function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : ((v as { items?: unknown[] } | null)?.items ?? []);
}

/**
 * A Parquet sample: DUCKDB_SAMPLE_RUNS runs of consecutive rows spread over the file. A filter on
 * file_row_number skips the other row groups unread, where DuckDB's USING SAMPLE would decode every
 * row first; a row group a run touches is decoded whole (about 20 ms for ten number columns of
 * DuckDB's 122,880-row groups), so the cost goes with the runs, not with the rows.
 */
export const DUCKDB_SAMPLE_RUNS = 5;

function sampleRanges(total: number): string[] {
  const runs = DUCKDB_SAMPLE_RUNS;
  const length = Math.floor(DUCKDB_DECISION_SAMPLE / runs);
  return Array.from({ length: runs }, (_, j) => {
    const start = Math.floor((j * total) / runs);
    return `file_row_number BETWEEN ${start} AND ${start + length - 1}`;
  });
}

/**
 * Per column of a Parquet file (or glob), an upper bound on its distinct values: the sum of its row
 * groups' distinct counts, when every row group records one (DuckDB's writer does; many writers do
 * not, and then the column is left out). Metadata only: nothing is decoded.
 */
async function distinctBounds(session: DuckDbSession, path: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let stats: Record<string, unknown>[];
  try {
    stats = await session.rows(
      `SELECT path_in_schema AS c, count(*) AS g, count(stats_distinct_count) AS s, sum(stats_distinct_count) AS d ` +
        `FROM parquet_metadata(${duckdbDialect.string(path)}) GROUP BY path_in_schema`,
    );
  } catch {
    return out;
  }
  for (const r of stats) if (Number(r.s) === Number(r.g) && r.d !== null) out.set(String(r.c), Number(r.d));
  return out;
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
const NESTED = /[[\]()]|^(STRUCT|MAP|UNION|LIST)/;

/** True for a path DuckDB should read as Parquet (by its extension). */
export function isParquetPath(path: string): boolean {
  return /\.parquet$/i.test(path);
}

/** Files being profiled at this moment (see duckDbFileProfile's threads). */
let open = 0;

export async function duckDbFileProfile(path: string, o: DuckDbFileOptions): Promise<Profile> {
  const q = duckdbDialect.string;
  const parquet = isParquetPath(path);
  const from = parquet
    ? `read_parquet(${q(path)}, file_row_number = true)`
    : `read_csv(${q(path)}, all_varchar = true, header = true${o.delimiter !== 'auto' ? `, delim = ${q(o.delimiter)}` : ''})`;
  // The cores shared among the files profiled at once (the two sides of a run, each in its own
  // database): both calls count themselves before either opens its database (nothing is awaited
  // before the count), so each gets one thread per core it has alone. More threads than cores cost
  // CPU time (DuckDB's workers wait on each other) and won no wall time on the benchmark's pair.
  open++;
  let session: DuckDbSession | undefined = o.session;
  try {
    await Promise.resolve();
    session ??= await openDuckDb({ threads: Math.max(1, Math.floor(availableParallelism() / open)) });
    let described: Record<string, unknown>[];
    try {
      described = await session.rows(`DESCRIBE SELECT * FROM ${from}`);
    } catch (e) {
      throw new InputError(
        `cannot read ${path} with DuckDB: ${(e as Error).message.split('\n')[0]}; check the path (globs like data/*.parquet are allowed) and that it is a CSV or Parquet file`,
      );
    }
    const warnings: string[] = [];
    const columns: string[] = [];
    const numberColumns: string[] = [];
    for (const r of described) {
      const name = String(r.column_name);
      const type = String(r.column_type);
      if (o.skipColumns.includes(name) || (parquet && name === 'file_row_number')) continue;
      if (!NUMERIC.test(type) && NESTED.test(type) && !/^DECIMAL/.test(type)) {
        warnings.push(`${basename(path)}: column ${JSON.stringify(name)} is skipped: its type ${type} is nested (not a number or a text)`);
        continue;
      }
      columns.push(name);
      if (NUMERIC.test(type)) numberColumns.push(name);
    }
    if (columns.length === 0) throw new InputError(`${path}: no columns to profile (all dropped or nested)`);
    const rowExpression = parquet ? 'file_row_number + 1' : duckdbDialect.rowNumber;
    const src: ScanPlanSource = { from, columns, numberColumns: new Set(numberColumns), missingValues: o.missingValues, rowExpression };
    const base = {
      dialect: duckdbDialect,
      table: basename(path),
      from,
      numberColumns,
      // A Parquet file numbers its rows itself (per file); CSV rows are numbered in scan order.
      ...(parquet ? { rowExpression } : {}),
      missingValues: o.missingValues,
      label: o.label,
      dropped: o.skipColumns.filter((c) => described.some((r) => r.column_name === c)),
    };
    const { meta } = profileQuery({ ...base, columns });
    // Step 1: a sample decides which columns are too varied for exact counts (a Parquet file's row
    // count is in its metadata; a CSV file's costs a pass, as DuckDB's parse is the scan).
    const [{ n: rowCount }] = await session.rows(`SELECT count(*) AS n FROM ${from}`);
    const total = Number(rowCount);
    const sample =
      total <= DUCKDB_DECISION_SAMPLE
        ? ''
        : parquet
          ? sampleRanges(total)
          : ` USING SAMPLE reservoir(${DUCKDB_DECISION_SAMPLE} ROWS) REPEATABLE (7)`;
    // Columns whose Parquet statistics bound their distinct values within profile.max_exact_values are
    // exact whatever a sample says; only the others are sampled (fewer columns, a cheaper sample).
    const bounded = parquet ? await distinctBounds(session, path) : new Map<string, number>();
    const sampled = columns.map((c, i) => i).filter((i) => !((bounded.get(columns[i]) ?? Infinity) <= o.profile.maxExactValues));
    const sampleSrc: ScanPlanSource = { ...src, columns: sampled.map((i) => columns[i]) };
    const [s] = sampled.length > 0 ? await session.rows(sampleSql(sampleSrc, sample)) : [{}];
    // Sample column j is file column sampled[j].
    const at = new Map(sampled.map((i, j) => [i, j]));
    const rows: ResultRow[] = [
      { col: -2, kind: 'q', num: null, txt: meta.query_id, n: 0, first_row: null, points: 0 },
      { col: -1, kind: 'r', num: null, txt: null, n: total, first_row: null, points: 0 },
    ];
    const exact: number[] = [];
    const fast: { index: number; centre: number; pointMasses: number[]; countNonInteger: boolean; distinct: number; nonInteger: number }[] =
      [];
    const slow: number[] = [];
    const onEdges: number[] = [];
    columns.forEach((c, i) => {
      if (o.edges?.has(c)) return void onEdges.push(i);
      const j = at.get(i);
      if (j === undefined) return exact.push(i);
      const distinct = estimateDistinct(total, Number(s.m), Number(s[`d${j}`]), Number(s[`f${j}`]));
      if (distinct <= o.profile.maxExactValues) exact.push(i);
      else if (numberColumns.includes(c) && s[`c${j}`] !== null && s[`c${j}`] !== undefined) {
        const nonInteger = Number(s[`ni${j}`]);
        const pointMasses = listOf(s[`pm${j}`]).map(Number);
        fast.push({ index: i, centre: Number(s[`c${j}`]), pointMasses, countNonInteger: nonInteger === 0, distinct, nonInteger });
      } else slow.push(i);
    });
    // Step 2: the binned typed columns, one GROUP BY on a bin key each, read as Float64Arrays (tens of
    // thousands of groups per column).
    // Built column-wise (binnedColumnProfile), not through a row per group.
    const binnedColumns = new Map<number, ColumnProfile>();
    if (fast.length > 0) {
      const { rows: count, columns: g } = await session.numbers(binnedSql(src, fast));
      const at = new Map<number, number[]>(fast.map((f) => [f.index, []]));
      for (let r = 0; r < count; r++) at.get(g.col[r])!.push(r);
      for (const f of fast) {
        const mine: BinGroups = { k: g.k, p: g.p, n: g.n, hi: g.hi, nan: g.nan, ni: g.ni, at: at.get(f.index)! };
        const infinities = hasInfinities(mine)
          ? (await session.rows(infinitiesSql(src, f.index))).map((r) => ({ t: String(r.t), n: Number(r.n), fr: Number(r.fr) }))
          : [];
        binnedColumns.set(f.index, binnedColumnProfile(columns[f.index], total, mine, infinities, f.distinct, f.nonInteger, path));
      }
    }
    // Step 3: the exact columns in one GROUPING SETS scan.
    if (exact.length > 0) for (const r of await session.resultRows(exactSql(src, exact))) rows.push(r);
    // Binned text columns (numbers written as text): profileQuery's per-cell branches.
    if (slow.length > 0) {
      const names = slow.map((i) => columns[i]);
      const query = profileQuery({
        ...base,
        columns: names,
        binned: { columns: names, bins: DUCKDB_BINS, sample: DUCKDB_BIN_SAMPLE },
      });
      for (const r of await session.resultRows(query.sql)) if (Number(r.col) >= 0) rows.push({ ...r, col: slow[Number(r.col)] });
    }
    // Columns on the reference's edges: profileQuery's edge branches (one CASE tree per number).
    if (onEdges.length > 0) {
      const names = onEdges.map((i) => columns[i]);
      const query = profileQuery({ ...base, columns: names, edges: new Map(names.map((c) => [c, o.edges!.get(c)!])) });
      for (const r of await session.resultRows(query.sql)) if (Number(r.col) >= 0) rows.push({ ...r, col: onEdges[Number(r.col)] });
    }
    // The other columns through profileFromQueryResult, numbered among themselves; then all in file order.
    const others = columns.map((c, i) => i).filter((i) => !binnedColumns.has(i));
    const position = new Map(others.map((i, j) => [i, j]));
    const otherRows = rows.map((r) => (Number(r.col) < 0 ? r : { ...r, col: position.get(Number(r.col)) }));
    const edges = onEdges.length > 0 ? { edges: Object.fromEntries(onEdges.map((i) => [columns[i], [...o.edges!.get(columns[i])!]])) } : {};
    const profile = profileFromQueryResult(
      otherRows,
      { ...meta, columns: others.map((i) => columns[i]), ...edges },
      { file: path, sourceName: path, config: o.profile, delimiter: o.delimiter },
    );
    const all = columns.map((c, i) => binnedColumns.get(i) ?? profile.columns[position.get(i)!]);
    return { ...profile, columns: all, warnings: [...profile.warnings, ...warnings] };
  } finally {
    open--;
    if (!o.session) session?.close();
  }
}

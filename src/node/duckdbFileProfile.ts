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
import type { Profile, ProfileConfig } from '../core/profile/columnProfile.ts';
import { duckdbDialect } from '../core/sql/duckdbDialect.ts';
import { profileQuery } from '../core/sql/profileQuery.ts';
import { profileFromQueryResult, type ResultRow } from '../core/sql/queryResultProfile.ts';
import {
  type BinGroups,
  binnedRows,
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
 * A Parquet sample: 20 runs of consecutive rows spread over the file. A filter on file_row_number
 * skips the other row groups unread, where DuckDB's USING SAMPLE would decode every row first.
 */
function sampleRanges(total: number): string[] {
  const runs = 20;
  const length = Math.floor(DUCKDB_DECISION_SAMPLE / runs);
  return Array.from({ length: runs }, (_, j) => {
    const start = Math.floor((j * total) / runs);
    return `file_row_number BETWEEN ${start} AND ${start + length - 1}`;
  });
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
const NESTED = /[[\]()]|^(STRUCT|MAP|UNION|LIST)/;

/** True for a path DuckDB should read as Parquet (by its extension). */
export function isParquetPath(path: string): boolean {
  return /\.parquet$/i.test(path);
}

export async function duckDbFileProfile(path: string, o: DuckDbFileOptions): Promise<Profile> {
  const q = duckdbDialect.string;
  const parquet = isParquetPath(path);
  const from = parquet
    ? `read_parquet(${q(path)}, file_row_number = true)`
    : `read_csv(${q(path)}, all_varchar = true, header = true${o.delimiter !== 'auto' ? `, delim = ${q(o.delimiter)}` : ''})`;
  // One thread per core: the two sides of a run are profiled at once, each in its own database.
  const session = o.session ?? (await openDuckDb({ threads: availableParallelism() }));
  try {
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
    const [s] = await session.rows(sampleSql(src, sample));
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
      const distinct = estimateDistinct(total, Number(s.m), Number(s[`d${i}`]), Number(s[`f${i}`]));
      if (distinct <= o.profile.maxExactValues) exact.push(i);
      else if (numberColumns.includes(c) && s[`c${i}`] !== null && s[`c${i}`] !== undefined) {
        const nonInteger = Number(s[`ni${i}`]);
        const pointMasses = listOf(s[`pm${i}`]).map(Number);
        fast.push({ index: i, centre: Number(s[`c${i}`]), pointMasses, countNonInteger: nonInteger === 0, distinct, nonInteger });
      } else slow.push(i);
    });
    // Step 2: the binned typed columns, one GROUP BY on a bin key each, read as Float64Arrays (tens of
    // thousands of groups per column).
    if (fast.length > 0) {
      const { rows: count, columns: g } = await session.numbers(binnedSql(src, fast));
      const at = new Map<number, number[]>(fast.map((f) => [f.index, []]));
      for (let r = 0; r < count; r++) at.get(g.col[r])!.push(r);
      for (const f of fast) {
        const mine: BinGroups = { k: g.k, n: g.n, lo: g.lo, hi: g.hi, ni: g.ni, at: at.get(f.index)! };
        const infinities = hasInfinities(mine)
          ? (await session.rows(infinitiesSql(src, f.index))).map((r) => ({ t: String(r.t), n: Number(r.n), fr: Number(r.fr) }))
          : [];
        for (const r of binnedRows(f.index, mine, infinities, f.distinct, f.nonInteger)) rows.push(r);
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
    const edgeMeta =
      onEdges.length > 0 ? { ...meta, edges: Object.fromEntries(onEdges.map((i) => [columns[i], [...o.edges!.get(columns[i])!]])) } : meta;
    const profile = profileFromQueryResult(rows, edgeMeta, { file: path, sourceName: path, config: o.profile, delimiter: o.delimiter });
    return { ...profile, warnings: [...profile.warnings, ...warnings] };
  } finally {
    if (!o.session) session.close();
  }
}

/**
 * `--engine duckdb`: a CSV or Parquet file (or a glob of them) profiled inside DuckDB with the
 * generated profile query (core/sql/profileQuery.ts); only the query's small result reaches
 * JavaScript, so files larger than memory work, and DuckDB reads them with all its threads.
 *
 * CSV files are read as text (all_varchar) and typed by the same rules as the CSV reader; a Parquet
 * file's numeric columns are read as numbers (its schema says what they are), its other columns
 * through their text. Nested columns (LIST, STRUCT, MAP...) are left out with a warning.
 */
import { basename } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { Profile, ProfileConfig } from '../core/profile/columnProfile.ts';
import { duckdbDialect } from '../core/sql/duckdbDialect.ts';
import { profileQuery } from '../core/sql/profileQuery.ts';
import { profileFromQueryResult, type ResultRow } from '../core/sql/queryResultProfile.ts';
import { openDuckDb, type DuckDbSession } from './duckdbEngine.ts';

export interface DuckDbFileOptions {
  /** data.delimiter ('auto': DuckDB's sniffer). */
  delimiter: string;
  missingValues: string[];
  /** Columns left out (columns.drop). */
  skipColumns: string[];
  label: string | null;
  profile: ProfileConfig;
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
  const session = o.session ?? (await openDuckDb());
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
    // Step 1, a cheap pass: DuckDB's approximate distinct counts say which columns go on bins.
    const ident = duckdbDialect.ident;
    const [counts] = await session.rows(
      `SELECT ${columns.map((c, i) => `approx_count_distinct(${ident(c)}) AS d${i}`).join(', ')} FROM ${from}`,
    );
    const binColumns = columns.filter((_, i) => Number(counts[`d${i}`]) > o.profile.maxExactValues);
    const query = profileQuery({
      dialect: duckdbDialect,
      table: basename(path),
      from,
      columns,
      numberColumns,
      ...(binColumns.length > 0 ? { binned: { columns: binColumns, bins: DUCKDB_BINS, sample: DUCKDB_BIN_SAMPLE } } : {}),
      // A Parquet file numbers its rows itself (per file); CSV rows are numbered in scan order.
      ...(parquet ? { rowExpression: 'file_row_number + 1' } : {}),
      missingValues: o.missingValues,
      label: o.label,
      dropped: o.skipColumns.filter((c) => described.some((r) => r.column_name === c)),
    });
    const rows = (await session.rows(query.sql)) as unknown as ResultRow[];
    const profile = profileFromQueryResult(rows, query.meta, { file: path, sourceName: path, config: o.profile, delimiter: o.delimiter });
    return { ...profile, warnings: [...profile.warnings, ...warnings] };
  } finally {
    if (!o.session) session.close();
  }
}

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

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
const NESTED = /[[\]()]|^(STRUCT|MAP|UNION|LIST)/;

/** True for a path DuckDB should read as Parquet (by its extension). */
export function isParquetPath(path: string): boolean {
  return /\.parquet$/i.test(path);
}

export async function duckDbFileProfile(path: string, o: DuckDbFileOptions): Promise<Profile> {
  const q = duckdbDialect.string;
  const from = isParquetPath(path)
    ? `read_parquet(${q(path)})`
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
      if (o.skipColumns.includes(name)) continue;
      if (!NUMERIC.test(type) && NESTED.test(type) && !/^DECIMAL/.test(type)) {
        warnings.push(`${basename(path)}: column ${JSON.stringify(name)} is skipped: its type ${type} is nested (not a number or a text)`);
        continue;
      }
      columns.push(name);
      if (NUMERIC.test(type)) numberColumns.push(name);
    }
    if (columns.length === 0) throw new InputError(`${path}: no columns to profile (all dropped or nested)`);
    const query = profileQuery({
      dialect: duckdbDialect,
      table: basename(path),
      from,
      columns,
      numberColumns,
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

/**
 * The SQL engines the tests run the generated queries on: DuckDB in this process, and a PostgreSQL
 * cluster the tests start in a temporary folder (tests/helpers/postgresCluster.ts; skipped with
 * DM_SKIP_POSTGRES=1). A CSV file goes in as a table of text columns, as a warehouse would hold it
 * before the query types it, and the query's result comes back as each engine's client hands it over.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { postgresDialect } from '../../../src/core/sql/postgresDialect.ts';
import { profileQuery, type ProfileQueryOptions } from '../../../src/core/sql/profileQuery.ts';
import { parseResultCsv, profileFromQueryResult, type ResultRow } from '../../../src/core/sql/queryResultProfile.ts';
import { openDuckDb, type DuckDbSession } from '../../../src/node/duckdbEngine.ts';
import type { DuckDbFileOptions } from '../../../src/node/duckdbFileProfile.ts';
import { SKIP_POSTGRES, startPostgres, type PgCluster } from '../../helpers/postgresCluster.ts';
import { csvProfile, MISSING, PROFILE_CONFIG } from './sqlCases.ts';

export type Engine = 'duckdb' | 'postgres';

/** A test file's engines: set before its first test (useEngines), closed after its last. */
export interface Engines {
  duckdb: DuckDbSession;
  postgres: PgCluster;
}

/** Opens DuckDB (two threads) and starts PostgreSQL (unless DM_SKIP_POSTGRES=1), as asked, for the file's tests. */
export function useEngines(which: readonly Engine[]): Engines {
  const engines = {} as Partial<Engines>;
  beforeAll(async () => {
    if (which.includes('duckdb')) engines.duckdb = await openDuckDb({ threads: 2 });
    if (which.includes('postgres') && !SKIP_POSTGRES) engines.postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    engines.duckdb?.close();
    await engines.postgres?.stop();
  });
  return engines as Engines;
}

/** The tests `run` adds, on DuckDB and on PostgreSQL (skipped with DM_SKIP_POSTGRES=1). */
export function onEachEngine(run: (engine: Engine) => void): void {
  describe('DuckDB', () => run('duckdb'));
  describe.skipIf(SKIP_POSTGRES)('PostgreSQL', () => run('postgres'));
}

/** What a test asks of the profile query for a file: `drift-monitor sql`'s --drop, --label, missing markers, binning. */
export interface SqlFileOptions {
  drop?: string[];
  label?: string | null;
  /** Default MISSING. */
  missing?: string[];
  /** The columns to profile; default the header's, less `drop`. */
  columns?: string[];
  quantileBins?: ProfileQueryOptions['quantileBins'];
  edges?: ProfileQueryOptions['edges'];
}

/** One engine's profile of a file (sqlProfile on it). */
export type SqlProfile = (path: string, file: string, opts?: SqlFileOptions) => Promise<Profile>;

/**
 * duckDbFileProfile's options on the test file's DuckDB (useEngines): the tests' missing markers and
 * profile settings, columns of more than `maxExactValues` distinct numbers binned; nothing dropped and
 * no label unless given.
 */
export function duckDbFileOptions(
  engines: Engines,
  o: { delimiter: string; maxExactValues: number; drop?: string[]; label?: string | null; edges?: DuckDbFileOptions['edges'] },
): DuckDbFileOptions {
  return {
    delimiter: o.delimiter,
    missingValues: MISSING,
    skipColumns: o.drop ?? [],
    label: o.label ?? null,
    profile: { ...PROFILE_CONFIG, maxExactValues: o.maxExactValues },
    session: engines.duckdb,
    ...(o.edges ? { edges: o.edges } : {}),
  };
}

let tables = 0;

/**
 * The engine's profile of a CSV file loaded as a table of text columns (rows in file order): the
 * profile query run on it, its result read as DuckDB's client or psql --csv hands it over, and the
 * profile built from that result as `drift-monitor profile` does.
 */
export async function sqlProfile(
  engines: Engines,
  engine: Engine,
  path: string,
  file: string,
  opts: SqlFileOptions = {},
): Promise<Profile> {
  const { drop = [], label = null, missing = MISSING, columns, ...binning } = opts;
  const d = engine === 'duckdb' ? duckdbDialect : postgresDialect;
  // The delimiter the CSV reader detected (bank's files use ';').
  const delimiter = (await csvProfile(path, file)).source!.delimiter;
  const table = `t${tables++}`;
  const [header] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { delimiter, preview: 1 }).data;
  const names = header.map((h) => h.trim());
  const query = profileQuery({
    dialect: d,
    table,
    columns: columns ?? names.filter((c) => !drop.includes(c)),
    missingValues: missing,
    label,
    dropped: drop,
    ...binning,
  });
  let rows: ResultRow[];
  if (engine === 'duckdb') {
    await engines.duckdb.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv(${d.string(path)}, all_varchar = true, header = true, delim = ${d.string(delimiter)}, quote = '"', escape = '"')`,
    );
    rows = await engines.duckdb.resultRows(query.sql);
  } else {
    await engines.postgres.exec(
      `CREATE TABLE ${table} (${names.map((c) => `${d.ident(c)} text`).join(', ')});\n` +
        `\\copy ${table} FROM ${d.string(path)} WITH (FORMAT csv, HEADER true, DELIMITER ${d.string(delimiter)})\n`,
    );
    rows = parseResultCsv(await engines.postgres.csv(query.sql), 'result.csv');
  }
  return profileFromQueryResult(rows, query.meta, {
    file: 'result.csv',
    sourceName: file,
    config: PROFILE_CONFIG,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

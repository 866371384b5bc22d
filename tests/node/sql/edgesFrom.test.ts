/**
 * `sql --edges-from`: a production table counted on a binned reference's own edges, on DuckDB and on
 * PostgreSQL. The production profile's bins are the reference's edges (plus one closing at the max above
 * the last) with the counts the CSV's numbers give on those bins; the report against the reference is
 * the one of the production CSV, KS within the bound the report states for binned columns and
 * feature for feature the same where both sides are exact.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { ColumnProfile, Profile } from '../../../src/core/profile/columnProfile.ts';
import type { Dialect } from '../../../src/core/sql/dialect.ts';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { postgresDialect } from '../../../src/core/sql/postgresDialect.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { parseResultCsv, profileFromQueryResult, type ResultRow } from '../../../src/core/sql/queryResultProfile.ts';
import { openDuckDb, type DuckDbSession } from '../../../src/node/duckdbEngine.ts';
import { duckDbFileProfile } from '../../../src/node/duckdbFileProfile.ts';
import { SKIP_POSTGRES, startPostgres, type PgCluster } from '../../helpers/postgresCluster.ts';
import { realPair } from '../../helpers/realPairs.ts';
import { configFor, csvProfile, HOSTILE_NAMES, MISSING, NUMBER_CELLS, PROFILE_CONFIG, reportOf, writeCsv } from './sqlCases.ts';

const MAX_EXACT = 300;
let db: DuckDbSession;
let pg: PgCluster | undefined;
let tables = 0;
beforeAll(async () => {
  db = await openDuckDb({ threads: 2 });
  if (!SKIP_POSTGRES) pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  db.close();
  await pg?.stop();
});

async function reference(path: string, delimiter: string, drop: string[], label: string | null): Promise<Profile> {
  return duckDbFileProfile(path, {
    delimiter,
    missingValues: MISSING,
    skipColumns: drop,
    label,
    profile: { ...PROFILE_CONFIG, maxExactValues: MAX_EXACT },
    session: db,
  });
}

/** Loads the CSV as a text table in the engine, runs the --edges-from query, builds the profile. */
async function edgesProfile(engine: 'duckdb' | 'postgres', path: string, delimiter: string, ref: Profile): Promise<Profile> {
  const d: Dialect = engine === 'duckdb' ? duckdbDialect : postgresDialect;
  const table = `e${tables++}`;
  const [header] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { delimiter, preview: 1 }).data;
  const names = header.map((h) => h.trim());
  const edges = new Map<string, number[]>();
  for (const c of ref.columns) if (c.binned && c.numbers.mode === 'exact') edges.set(c.name, Array.from(c.numbers.values));
  expect(edges.size).toBeGreaterThan(0);
  const query = profileQuery({
    dialect: d,
    table,
    columns: ref.columns.map((c) => c.name),
    missingValues: MISSING,
    label: ref.source!.label,
    dropped: ref.source!.dropped,
    edges,
  });
  let rows: ResultRow[];
  if (engine === 'duckdb') {
    await db.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv(${d.string(path)}, all_varchar = true, header = true, delim = ${d.string(delimiter)}, quote = '"', escape = '"')`,
    );
    rows = (await db.rows(query.sql)) as unknown as ResultRow[];
  } else {
    await pg!.exec(
      `CREATE TABLE ${table} (${names.map((c) => `${d.ident(c)} text`).join(', ')});\n` +
        `\\copy ${table} FROM ${d.string(path)} WITH (FORMAT csv, HEADER true, DELIMITER ${d.string(delimiter)})\n`,
    );
    rows = parseResultCsv(await pg!.csv(query.sql), 'result.csv');
  }
  return profileFromQueryResult(rows, query.meta, {
    file: 'result.csv',
    sourceName: 'production.csv',
    config: PROFILE_CONFIG,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

/** The CSV's exact numbers counted on the reference's edges (and one bin closing at the max above them). */
function binsOf(csv: ColumnProfile, edges: Float64Array): Map<number, number> {
  expect(csv.numbers.mode).toBe('exact');
  const out = new Map<number, number>();
  if (csv.numbers.mode !== 'exact') return out;
  const { values, counts } = csv.numbers;
  const max = values.length ? values[values.length - 1] : 0;
  for (let i = 0; i < values.length; i++) {
    const edge = edges.find((e) => values[i] <= e) ?? max;
    out.set(edge, (out.get(edge) ?? 0) + counts[i]);
  }
  return out;
}

function checkPair(engine: 'duckdb' | 'postgres', name: string) {
  return () => checkFiles(engine, realPair(name));
}

async function checkFiles(
  engine: 'duckdb' | 'postgres',
  pair: { reference: string; production: string; drop: string[]; label: string | null },
): Promise<void> {
  const delimiter = (await csvProfile(pair.reference, 'r')).source!.delimiter;
  const ref = await reference(pair.reference, delimiter, pair.drop, pair.label);
  const prod = await edgesProfile(engine, pair.production, delimiter, ref);
  const csv = await csvProfile(pair.production, 'production.csv', { drop: pair.drop, label: pair.label });
  expect(prod.rows).toBe(csv.rows);
  let binned = 0;
  for (const r of ref.columns) {
    const p = prod.columns.find((c) => c.name === r.name)!;
    const c = csv.columns.find((c) => c.name === r.name)!;
    expect([p.missing, p.nonNumeric, [...(p.text ?? [])]], r.name).toEqual([c.missing, c.nonNumeric, [...(c.text ?? [])]]);
    if (!r.binned || r.numbers.mode !== 'exact') {
      expect(p, r.name).toEqual(c);
      continue;
    }
    binned++;
    expect(p.binned, r.name).toBeDefined();
    expect(p.numbers.mode).toBe('exact');
    if (p.numbers.mode !== 'exact') continue;
    expect(new Map(Array.from(p.numbers.values, (v, i) => [v, p.numbers.mode === 'exact' ? p.numbers.counts[i] : 0])), r.name).toEqual(
      binsOf(c, r.numbers.values),
    );
  }
  expect(binned).toBeGreaterThan(0);

  const config = configFor(pair.label, pair.drop);
  const fromSql = JSON.parse(reportOf(ref, prod, config)) as { features: Record<string, unknown>[] };
  const fromCsv = JSON.parse(reportOf(ref, csv, config)) as { features: Record<string, unknown>[] };
  expect(fromSql.features.map((f) => f.name)).toEqual(fromCsv.features.map((f) => f.name));
  let approx = 0;
  for (const f of fromSql.features) {
    const g = fromCsv.features.find((h) => h.name === f.name)!;
    const r = ref.columns.find((c) => c.name === f.name);
    if (!r?.binned) {
      expect(f, String(f.name)).toEqual(g);
      continue;
    }
    const ks = (x: Record<string, unknown>) => (x.ks as { statistic: number } | undefined)?.statistic;
    if (ks(f) === undefined) continue;
    const bound = (f.approximate as { ks_statistic_bound: number }).ks_statistic_bound;
    expect(Math.abs(ks(f)! - ks(g)!), String(f.name)).toBeLessThanOrEqual(bound + 1e-12);
    approx++;
  }
  expect(approx).toBeGreaterThan(0);
}

/** Hostile names; numbers with many distinct values (production shifted past the reference max) among odd cells. */
function hostilePair(): { reference: string; production: string; drop: string[]; label: null } {
  const make = (shift: number, seed: number) => {
    let state = seed;
    const rand = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const rows: string[][] = [HOSTILE_NAMES];
    for (let r = 0; r < 600; r++)
      rows.push(
        HOSTILE_NAMES.map((_, c) =>
          r % 5 === 0 ? NUMBER_CELLS[(r * (c + 1) + c) % NUMBER_CELLS.length] : (shift + rand() * 100 * (c + 1)).toFixed(c % 3),
        ),
      );
    return writeCsv(rows, seed === 1 ? 'reference.csv' : 'production.csv');
  };
  return { reference: make(0, 1), production: make(30, 2), drop: [], label: null };
}

describe('--edges-from on DuckDB: production counted on the reference bins', () => {
  for (const name of ['electricity', 'bank']) it(name, checkPair('duckdb', name), 60_000);
  it('hostile column names and cells', () => checkFiles('duckdb', hostilePair()), 60_000);
});

describe.skipIf(SKIP_POSTGRES)('--edges-from on PostgreSQL: production counted on the reference bins', () => {
  for (const name of ['electricity', 'bank']) it(name, checkPair('postgres', name), 60_000);
  it('hostile column names and cells', () => checkFiles('postgres', hostilePair()), 60_000);
});

/**
 * Profiles computed by DuckDB with the generated query equal the CSV reader's profiles of the same
 * files: every column summary, and the whole report of the real-data pairs. The CSV files are loaded
 * into DuckDB as text (all_varchar), as a warehouse would hold them before the query types them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { profileFromQueryResult, type ResultRow } from '../../../src/core/sql/queryResultProfile.ts';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { openDuckDb, type DuckDbSession } from '../../../src/node/duckdbEngine.ts';
import { realPair } from '../../helpers/realPairs.ts';
import pairsIndex from '../../fixtures/real/pairs.json';
import { configFor, csvProfile, expectSameColumns, hostileRows, MISSING, PROFILE_CONFIG, reportOf, writeCsv } from './sqlCases.ts';

let db: DuckDbSession;
let tables = 0;
beforeAll(async () => {
  db = await openDuckDb({ threads: 2 });
});
afterAll(() => db.close());

const q = duckdbDialect.string;

/** Loads a CSV as a text table; returns its name and columns. */
async function load(path: string, delimiter: string): Promise<{ table: string; columns: string[] }> {
  const table = `t${tables++}`;
  await db.run(
    `CREATE TABLE ${table} AS SELECT * FROM read_csv(${q(path)}, all_varchar = true, header = true, delim = ${q(delimiter)}, quote = '"', escape = '"')`,
  );
  const columns = (await db.rows(`SELECT column_name FROM (DESCRIBE ${table})`)).map((r) => String(r.column_name));
  return { table, columns };
}

async function sqlProfile(
  path: string,
  file: string,
  opts: { drop?: string[]; label?: string | null; missing?: string[] } = {},
): Promise<Profile> {
  // The delimiter the CSV reader detected (bank's files use ';').
  const { table, columns } = await load(path, (await csvProfile(path, file)).source!.delimiter);
  const query = profileQuery({
    dialect: duckdbDialect,
    table,
    columns: columns.filter((c) => !(opts.drop ?? []).includes(c)),
    missingValues: opts.missing ?? MISSING,
    label: opts.label ?? null,
    dropped: opts.drop ?? [],
  });
  const rows = (await db.rows(query.sql)) as unknown as ResultRow[];
  return profileFromQueryResult(rows, query.meta, {
    file: 'result',
    sourceName: file,
    config: PROFILE_CONFIG,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

describe('DuckDB profiles = CSV profiles on the real-data pairs (exact mode)', () => {
  for (const name of Object.keys(pairsIndex)) {
    it(name, async () => {
      const pair = realPair(name);
      const [ref, prod] = await Promise.all([
        sqlProfile(pair.reference, 'reference.csv', { drop: pair.drop, label: pair.label }),
        sqlProfile(pair.production, 'production.csv', { drop: pair.drop, label: pair.label }),
      ]);
      const opts = { drop: pair.drop, label: pair.label };
      const csvRef = await csvProfile(pair.reference, 'reference.csv', opts);
      const csvProd = await csvProfile(pair.production, 'production.csv', opts);
      expectSameColumns(ref, csvRef);
      expectSameColumns(prod, csvProd);
      const config = configFor(pair.label, pair.drop);
      const report = reportOf(ref, prod, config);
      expect(JSON.parse(report)).toEqual(JSON.parse(reportOf(csvRef, csvProd, config)));
      expect(report).toBe(reportOf(csvRef, csvProd, config));
      expect(JSON.parse(report).features.length).toBeGreaterThan(3);
    });
  }
});

describe('DuckDB: hostile column names, number shapes and markers', () => {
  it('profiles them as the CSV reader does', async () => {
    const path = writeCsv(hostileRows());
    const fromSql = await sqlProfile(path, 'data.csv');
    expectSameColumns(fromSql, await csvProfile(path, 'data.csv'));
    // The names came back through the query unchanged, and each column saw numbers, texts and missing cells.
    expect(fromSql.columns.every((c) => c.missing > 0 && c.nonNumeric > 0 && c.rows - c.missing - c.nonNumeric > 0)).toBe(true);
  });

  it('reads numbers past the double range as text and tiny ones as 0, as Number() does', async () => {
    const path = writeCsv([['x'], ['1e308'], ['1.8e308'], ['1e-400'], ['-1e-330'], ['5e-324'], ['9e999'], ['1e0001']]);
    const fromSql = await sqlProfile(path, 'edge.csv');
    expectSameColumns(fromSql, await csvProfile(path, 'edge.csv'));
    expect(fromSql.columns[0].nonNumeric).toBe(2);
  });

  it('missing markers with quotes and backslashes are matched as written', async () => {
    const markers = ["it's NA", 'n\\a', '"none"'];
    const path = writeCsv([['x'], ["it's NA"], ['n\\a'], ['"none"'], ['1'], ['n/a']]);
    const fromSql = await sqlProfile(path, 'm.csv', { missing: markers });
    expect(fromSql.columns[0].missing).toBe(3);
    expectSameColumns(fromSql, await csvProfile(path, 'm.csv', { missing: markers }));
  });
});

/**
 * Profiles computed by PostgreSQL (a cluster the test starts in a temporary folder, see
 * tests/helpers/postgresCluster.ts) with the generated query equal the CSV reader's profiles: every
 * column summary and the whole report of the real-data pairs, hostile names and number shapes. The
 * result goes the way an operator's would: psql --csv output read by parseResultCsv.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { postgresDialect } from '../../../src/core/sql/postgresDialect.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { parseResultCsv, profileFromQueryResult } from '../../../src/core/sql/queryResultProfile.ts';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { SKIP_POSTGRES, startPostgres, type PgCluster } from '../../helpers/postgresCluster.ts';
import { realPair } from '../../helpers/realPairs.ts';
import pairsIndex from '../../fixtures/real/pairs.json';
import { configFor, csvProfile, expectSameColumns, hostileRows, MISSING, PROFILE_CONFIG, reportOf, writeCsv } from './sqlCases.ts';

let pg: PgCluster;
let tables = 0;
beforeAll(async () => {
  if (!SKIP_POSTGRES) pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.stop();
});

const { ident, string: str } = postgresDialect;

/** Loads a CSV into a table of text columns, rows in file order; returns its name and columns. */
async function load(path: string, delimiter: string): Promise<{ table: string; columns: string[] }> {
  const table = `t${tables++}`;
  const [header] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { delimiter, preview: 1 }).data;
  const columns = header.map((h) => h.trim());
  await pg.exec(
    `CREATE TABLE ${table} (${columns.map((c) => `${ident(c)} text`).join(', ')});\n` +
      `\\copy ${table} FROM ${str(path)} WITH (FORMAT csv, HEADER true, DELIMITER ${str(delimiter)})\n`,
  );
  return { table, columns };
}

async function sqlProfile(
  path: string,
  file: string,
  opts: { drop?: string[]; label?: string | null; missing?: string[] } = {},
): Promise<Profile> {
  const delimiter = (await csvProfile(path, file)).source!.delimiter;
  const { table, columns } = await load(path, delimiter);
  const query = profileQuery({
    dialect: postgresDialect,
    table,
    columns: columns.filter((c) => !(opts.drop ?? []).includes(c)),
    missingValues: opts.missing ?? MISSING,
    label: opts.label ?? null,
    dropped: opts.drop ?? [],
  });
  const rows = parseResultCsv(await pg.csv(query.sql), 'result.csv');
  return profileFromQueryResult(rows, query.meta, {
    file: 'result.csv',
    sourceName: file,
    config: PROFILE_CONFIG,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

describe.skipIf(SKIP_POSTGRES)('PostgreSQL profiles = CSV profiles on the real-data pairs (exact mode)', () => {
  for (const name of Object.keys(pairsIndex)) {
    it(name, async () => {
      const pair = realPair(name);
      const opts = { drop: pair.drop, label: pair.label };
      const ref = await sqlProfile(pair.reference, 'reference.csv', opts);
      const prod = await sqlProfile(pair.production, 'production.csv', opts);
      const csvRef = await csvProfile(pair.reference, 'reference.csv', opts);
      const csvProd = await csvProfile(pair.production, 'production.csv', opts);
      expectSameColumns(ref, csvRef);
      expectSameColumns(prod, csvProd);
      const config = configFor(pair.label, pair.drop);
      const report = reportOf(ref, prod, config);
      expect(report).toBe(reportOf(csvRef, csvProd, config));
      expect(JSON.parse(report).features.length).toBeGreaterThan(3);
    });
  }
});

describe.skipIf(SKIP_POSTGRES)('PostgreSQL: hostile column names, number shapes and markers', () => {
  it('profiles them as the CSV reader does', async () => {
    const path = writeCsv(hostileRows());
    const fromSql = await sqlProfile(path, 'data.csv');
    expectSameColumns(fromSql, await csvProfile(path, 'data.csv'));
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

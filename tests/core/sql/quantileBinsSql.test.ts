/**
 * The exact-or-binned query (`drift-monitor sql` without --exact, quantileBins.ts) as text: reviewed
 * snapshots for all four dialects (tests/fixtures/sql/*-binned.sql; Spark and BigQuery cannot run here,
 * DuckDB and PostgreSQL run in tests/node/sql/quantileBins.test.ts; rewrite with UPDATE_SQL_SNAPSHOTS=1
 * and review the diff), parsed by node-sql-parser's Hive and BigQuery grammars, the settings checked,
 * and a result that mixes per-value and binned rows for a column refused in one line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import NodeSqlParser from 'node-sql-parser';
import { DEFAULT_PROFILE_CONFIG } from '../../../src/core/profile/profileBuilder.ts';
import { dialectOf } from '../../../src/core/sql/dialects.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { SQL_BIN_PARTS } from '../../../src/core/sql/quantileBins.ts';
import { profileFromQueryResult, type ResultRow } from '../../../src/core/sql/queryResultProfile.ts';
import { parseSqlMeta } from '../../../src/core/sql/sqlMeta.ts';
import { SNAPSHOT_COLUMNS, SNAPSHOT_MISSING, SNAPSHOT_TABLE } from './sqlText.ts';

const DIR = fileURLToPath(new URL('../../fixtures/sql/', import.meta.url));
const parser = new NodeSqlParser.Parser();
const BINS = { maxExactValues: 10_000, parts: SQL_BIN_PARTS };

const query = (dialect: string, columns = SNAPSHOT_COLUMNS, table = SNAPSHOT_TABLE, parts = SQL_BIN_PARTS) =>
  profileQuery({
    dialect: dialectOf(dialect),
    table,
    columns,
    missingValues: SNAPSHOT_MISSING,
    label: 'select',
    quantileBins: { ...BINS, parts },
  });

describe('reviewed snapshots of the exact-or-binned queries', () => {
  for (const dialect of ['spark', 'bigquery', 'duckdb', 'postgres']) {
    it(dialect, () => {
      const file = `${DIR}${dialect}-binned.sql`;
      // Two columns keep the file reviewable (the rest of the query is per column, as in ${dialect}.sql).
      const sql = query(dialect, SNAPSHOT_COLUMNS.slice(0, 2)).sql;
      if (process.env.UPDATE_SQL_SNAPSHOTS === '1') writeFileSync(file, sql);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('node-sql-parser reads the Spark and BigQuery exact-or-binned queries', () => {
  const plain = ['age', 'country code', 'select'];
  it('spark (Hive grammar)', () => {
    const ast = parser.astify(query('spark', plain, 'analytics.events').sql, { database: 'hive' });
    expect(JSON.stringify(ast)).toContain('approx_percentile');
  });
  it('bigquery', () => {
    const ast = parser.astify(query('bigquery', plain, 'project.analytics.events').sql, { database: 'bigquery' });
    expect(JSON.stringify(ast)).toMatch(/APPROX_QUANTILES/i);
  });
  it('the check can fail: a broken query is refused', () => {
    const broken = query('spark', plain, 'a.b').sql.replace('GROUP BY k', 'GROUP k');
    expect(() => parser.astify(broken, { database: 'hive' })).toThrow();
  });
});

describe('the query and its description', () => {
  it('hostile names enter only quoted, and the search stays in the array', () => {
    for (const dialect of ['duckdb', 'postgres', 'spark', 'bigquery']) {
      const { sql, meta } = query(dialect);
      expect(meta.bins).toEqual({ max_exact_values: 10_000, parts: SQL_BIN_PARTS });
      expect(sql).toContain(dialectOf(dialect).ident('semi;colon -- x'));
      expect(sql).toContain('> 10000');
      // The generic search: steps 512 .. 1, so k + step <= 1023 (the last cut point).
      if (dialect === 'duckdb' || dialect === 'spark') {
        expect(sql).toContain('k + 512');
        expect(sql).not.toContain('k + 1024');
      }
    }
  });

  it('the description records the binning (part of the id) and is read back', () => {
    const { meta } = query('postgres');
    const back = parseSqlMeta(JSON.stringify(meta), 'q.json');
    expect(back.bins).toEqual(meta.bins);
    const changed = { ...meta, bins: { max_exact_values: 5, parts: SQL_BIN_PARTS } };
    expect(() => parseSqlMeta(JSON.stringify(changed), 'q.json')).toThrow(/was changed after the query was made/);
    expect(() => parseSqlMeta(JSON.stringify({ ...meta, bins: { max_exact_values: '1); DROP' } }), 'q.json')).toThrow(/"bins" must be/);
  });

  it('parts must be a power of two, max exact values an integer', () => {
    expect(() => query('duckdb', ['a'], 't', 1000)).toThrow(/power of two/);
    expect(() =>
      profileQuery({
        dialect: dialectOf('duckdb'),
        table: 't',
        columns: ['a'],
        missingValues: [],
        quantileBins: { maxExactValues: 1.5, parts: 8 },
      }),
    ).toThrow(/non-negative integer/);
  });
});

describe('a result that mixes per-value and binned rows for one column is refused', () => {
  const { meta } = query('duckdb', ['a']);
  const head: ResultRow[] = [
    { col: -2, kind: 'q', num: null, txt: meta.query_id, n: 0, first_row: null, points: 0 },
    { col: -1, kind: 'r', num: null, txt: null, n: 3, first_row: null, points: 0 },
  ];
  const row = (kind: string, num: number | null, n: number): ResultRow => ({ col: 0, kind, num, txt: null, n, first_row: null, points: 0 });
  const build = (rows: ResultRow[]) =>
    profileFromQueryResult([...head, ...rows], meta, { file: 'r.csv', config: DEFAULT_PROFILE_CONFIG, createdAt: 'x' });

  it('exact rows alone, binned rows alone: a profile', () => {
    expect(build([row('n', 1, 2), row('n', 2, 1)]).columns[0].binned).toBeUndefined();
    expect(build([row('d', null, 3), row('u', 1, 2), row('e', 1, 2), row('u', 2, 1), row('e', 2, 1)]).columns[0].binned).toEqual({
      distinct: 3,
      bound: 0,
    });
  });

  it('both: one line naming the file', () => {
    expect(() => build([row('d', null, 3), row('u', 1, 2), row('n', 2, 1)])).toThrow(
      /^r\.csv: does not match its query \(column "a" has both numbers counted one by one and bins\)[^\n]*$/,
    );
    expect(() => build([row('u', 1, 2), row('u', 2, 1)])).toThrow(/has bins but no distinct-count row/);
  });
});

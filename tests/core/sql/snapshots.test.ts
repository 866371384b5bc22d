/**
 * Spark SQL and BigQuery cannot run here: their generated queries are kept as reviewed snapshot files
 * (tests/fixtures/sql/*.sql; after a deliberate change, rewrite them with UPDATE_SQL_SNAPSHOTS=1 and
 * review the diff), and parsed by node-sql-parser's Hive and BigQuery grammars.
 *
 * What the parser checks: the statement's structure (WITH, nested SELECTs, CASE, CAST, window
 * functions, UNION ALL, GROUP BY, backquoted names, string literals). What it does not: that the
 * functions exist in the engine or take these arguments (RLIKE, IS_INF, SAFE_CAST, REGEXP_CONTAINS
 * are only parsed as calls), the types, or names with an escaped quote inside (its grammars refuse
 * `a``b` and `a\`b`, which Spark and BigQuery accept): the query it parses has ordinary names, and the
 * quoting of hostile names is checked by tests/core/sql/dialects.test.ts against each engine's
 * documented rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import NodeSqlParser from 'node-sql-parser';
import { dialectOf } from '../../../src/core/sql/dialects.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { SNAPSHOT_COLUMNS, SNAPSHOT_MISSING, SNAPSHOT_TABLE } from './sqlText.ts';

const DIR = fileURLToPath(new URL('../../fixtures/sql/', import.meta.url));
const parser = new NodeSqlParser.Parser();

function snapshotQuery(dialect: string): string {
  return profileQuery({
    dialect: dialectOf(dialect),
    table: SNAPSHOT_TABLE,
    columns: SNAPSHOT_COLUMNS,
    missingValues: SNAPSHOT_MISSING,
    where: "event_date >= '2024-01-01'",
    label: 'select',
  }).sql;
}

describe('reviewed snapshots of the generated queries', () => {
  for (const dialect of ['spark', 'bigquery', 'duckdb', 'postgres']) {
    it(dialect, () => {
      const file = `${DIR}${dialect}.sql`;
      const sql = snapshotQuery(dialect);
      if (process.env.UPDATE_SQL_SNAPSHOTS === '1') writeFileSync(file, sql);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('node-sql-parser reads the Spark and BigQuery queries', () => {
  const plain = (dialect: string, table: string) =>
    profileQuery({ dialect: dialectOf(dialect), table, columns: ['age', 'country code', 'select'], missingValues: SNAPSHOT_MISSING }).sql;

  it('spark (Hive grammar)', () => {
    const ast = parser.astify(plain('spark', 'analytics.events'), { database: 'hive' });
    expect(JSON.stringify(ast)).toContain('country code');
  });

  it('bigquery', () => {
    const ast = parser.astify(plain('bigquery', 'project.analytics.events'), { database: 'bigquery' });
    expect(JSON.stringify(ast)).toContain('country code');
  });

  it('the check can fail: a broken query is refused', () => {
    const broken = plain('bigquery', 'p.d.t').replace('GROUP BY kind', 'GROUP kind');
    expect(() => parser.astify(broken, { database: 'bigquery' })).toThrow();
  });
});

/**
 * `sql --edges-from` in the generated SQL: a reference's bin edges enter only as checked double
 * literals (numberLiteral.ts), untrusted values are refused, and the Spark and BigQuery queries with
 * edges are kept as reviewed snapshots (tests/fixtures/sql/*-edges.sql; rewrite with
 * UPDATE_SQL_SNAPSHOTS=1 and review the diff) that node-sql-parser's grammars read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import NodeSqlParser from 'node-sql-parser';
import { InputError } from '../../../src/core/errors.ts';
import { dialectOf } from '../../../src/core/sql/dialects.ts';
import { doubleLiteral } from '../../../src/core/sql/numberLiteral.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { profileFromQueryResult } from '../../../src/core/sql/queryResultProfile.ts';
import { parseSqlMeta } from '../../../src/core/sql/sqlMeta.ts';
import { SNAPSHOT_MISSING, SNAPSHOT_TABLE } from './sqlText.ts';

const DIR = fileURLToPath(new URL('../../fixtures/sql/', import.meta.url));
const parser = new NodeSqlParser.Parser();
/** Edges of odd shapes: negative, tiny, huge, subnormal, 0.1 (not a short binary fraction), integers. */
const EDGES = [-1.7976931348623157e308, -2.5, -5e-324, 0, 0.1, 1, 3, 1.2345678901234568e20, 1e21, 1.2345678901234567e300];

function edgesQuery(dialect: string, columns = ['age', 'amount', 'country']): string {
  return profileQuery({
    dialect: dialectOf(dialect),
    table: SNAPSHOT_TABLE,
    columns,
    missingValues: SNAPSHOT_MISSING,
    label: 'country',
    edges: new Map([['amount', EDGES]]),
  }).sql;
}

describe('doubleLiteral', () => {
  const d = dialectOf('postgres');
  it('prints every finite double so that it reads back as the same double', () => {
    const xs = [...EDGES, Number.MIN_VALUE, -0, 2 ** 53 + 2, 123.456, 1 / 3];
    for (let i = 0; i < 2000; i++) xs.push(new Float64Array(Uint32Array.of(Math.random() * 2 ** 32, Math.random() * 2 ** 32).buffer)[0]);
    for (const x of xs.filter(Number.isFinite)) {
      const lit = doubleLiteral(d, x, 'edge');
      const m = /^CAST\((.*) AS double precision\)$/.exec(lit);
      expect(m, lit).not.toBeNull();
      expect(Number(m![1])).toBe(x === 0 ? 0 : x);
      expect(m![1]).toMatch(/^-?[0-9.e+-]+$/);
    }
  });

  it('refuses NaN, infinities and anything that is not a number, in one line', () => {
    for (const bad of [NaN, Infinity, -Infinity, '1); DROP TABLE t; --', '1', null, undefined, 1n, {}]) {
      expect(() => doubleLiteral(d, bad, 'ref.profile, column "a", edge 3')).toThrow(InputError);
      expect(() => doubleLiteral(d, bad, 'ref.profile, column "a", edge 3')).toThrow(/^ref\.profile, column "a", edge 3: [^\n]*$/);
    }
  });

  it('a query with unordered or non-finite edges is refused', () => {
    const q = (edges: number[]) => () =>
      profileQuery({ dialect: d, table: 't', columns: ['a'], missingValues: [], edges: new Map([['a', edges]]) });
    expect(q([1, 1])).toThrow(/edge 2 \(1\) is not above the one before it/);
    expect(q([2, 1])).toThrow(InputError);
    expect(q([1, NaN])).toThrow(/edge 2: "NaN" is not a finite number/);
    expect(q([])).toThrow(InputError);
  });

  it('each edge appears in the query only as its literal, bins found by a balanced CASE tree', () => {
    const sql = edgesQuery('duckdb');
    for (const e of EDGES)
      expect(sql).toContain(`CAST(${e === 0 ? '0' : Math.abs(e) >= 2 ** 53 ? e.toExponential() : String(e)} AS DOUBLE)`);
    expect(sql).toContain('CAST(1.2345678901234568e+20 AS DOUBLE)');
    const tree = sql.split('\n').find((l) => l.startsWith('dm_b'))!;
    let depth = 0;
    let open = 0;
    for (const t of tree.match(/CASE WHEN x <=|\bEND\b/g) ?? []) {
      open += t === 'END' ? -1 : 1;
      depth = Math.max(depth, open);
    }
    expect(open).toBe(0);
    expect(depth).toBeLessThanOrEqual(Math.ceil(Math.log2(EDGES.length + 1)));
    expect(depth).toBeGreaterThan(0);
  });
});

describe('reviewed snapshots with --edges-from', () => {
  for (const dialect of ['spark', 'bigquery']) {
    it(dialect, () => {
      const file = `${DIR}${dialect}-edges.sql`;
      const sql = edgesQuery(dialect);
      if (process.env.UPDATE_SQL_SNAPSHOTS === '1') writeFileSync(file, sql);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('node-sql-parser reads them (Hive and BigQuery grammars)', () => {
    expect(JSON.stringify(parser.astify(edgesQuery('spark'), { database: 'hive' }))).toContain('amount');
    expect(JSON.stringify(parser.astify(edgesQuery('bigquery'), { database: 'bigquery' }))).toContain('amount');
  });
});

describe('the query description records the edges', () => {
  const d = dialectOf('duckdb');
  const query = (edges?: number[]) =>
    profileQuery({ dialect: d, table: 't', columns: ['a'], missingValues: [], ...(edges ? { edges: new Map([['a', edges]]) } : {}) });
  const config = { maxExactValues: 1000, sketchK: 200, sketchSeed: 1 };
  const rows = (id: string, edge: number) => [
    { col: -2, kind: 'q', num: null, txt: id, n: 0, first_row: null, points: 0 },
    { col: -1, kind: 'r', num: null, txt: null, n: 3, first_row: null, points: 0 },
    { col: 0, kind: 'd', num: null, txt: null, n: 3, first_row: 0, points: 0 },
    { col: 0, kind: 'u', num: 1, txt: null, n: 2, first_row: null, points: 0 },
    { col: 0, kind: 'u', num: edge, txt: null, n: 1, first_row: null, points: 0 },
  ];

  it('survives parseSqlMeta, is part of the query id, and a changed edge is refused', () => {
    const q = query([1, 2]);
    expect(q.meta.edges).toEqual({ a: [1, 2] });
    expect(q.meta.query_id).not.toBe(query().meta.query_id);
    expect(query().meta).not.toHaveProperty('edges');
    const json = JSON.stringify(q.meta);
    expect(parseSqlMeta(json, 'q.json')).toEqual(q.meta);
    expect(() => parseSqlMeta(json.replace('[1,2]', '[1,3]'), 'q.json')).toThrow(/q\.json: was changed after the query was made/);
    expect(() => parseSqlMeta(json.replace('[1,2]', '[2,1]'), 'q.json')).toThrow(/"edges" of "a" must be ascending finite numbers/);
  });

  it('a result whose bins close elsewhere than at the edges (or above the last) does not match its query', () => {
    const q = query([1, 2]);
    const o = { file: 'r.csv', config };
    expect(profileFromQueryResult(rows(q.meta.query_id, 2), q.meta, o).columns[0].binned).toBeDefined();
    expect(profileFromQueryResult(rows(q.meta.query_id, 7), q.meta, o).columns[0].numbers).toMatchObject({ mode: 'exact' });
    expect(() => profileFromQueryResult(rows(q.meta.query_id, 1.5), q.meta, o)).toThrow(
      /r\.csv: does not match its query \(column "a" has a bin closing at 1\.5/,
    );
    const noD = rows(q.meta.query_id, 2).filter((r) => r.kind !== 'd');
    expect(() => profileFromQueryResult(noD, q.meta, o)).toThrow(/no distinct-count row/);
  });
});

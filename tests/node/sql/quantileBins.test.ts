/**
 * The query `drift-monitor sql` prints (exact or binned per column, decided in the engine, bins between
 * the engine's own quantiles: quantileBins.ts) run on DuckDB and on PostgreSQL over the real-data pairs
 * loaded as text tables:
 * - exact mode (profile.max_exact_values above every column's distinct count) equals the CSV reader's
 *   profiles and report;
 * - binned mode: the binned CDF is exact at each bin's closing edge, within its stated bound
 *   everywhere, and KS of binned profiles is within the report's bound of the CSV path's exact KS;
 * - hostile column names (quotes, backslashes, unicode, reserved words) in binned mode.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { ColumnProfile, Profile } from '../../../src/core/profile/columnProfile.ts';
import type { Dialect } from '../../../src/core/sql/dialect.ts';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { postgresDialect } from '../../../src/core/sql/postgresDialect.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { SQL_BIN_PARTS } from '../../../src/core/sql/quantileBins.ts';
import { parseResultCsv, profileFromQueryResult, type ResultRow } from '../../../src/core/sql/queryResultProfile.ts';
import { openDuckDb, type DuckDbSession } from '../../../src/node/duckdbEngine.ts';
import { SKIP_POSTGRES, startPostgres, type PgCluster } from '../../helpers/postgresCluster.ts';
import { realPair } from '../../helpers/realPairs.ts';
import pairsIndex from '../../fixtures/real/pairs.json';
import {
  configFor,
  csvProfile,
  expectSameColumns,
  HOSTILE_NAMES,
  MISSING,
  NUMBER_CELLS,
  PROFILE_CONFIG,
  reportOf,
  writeCsv,
} from './sqlCases.ts';

type Engine = 'duckdb' | 'postgres';
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

/** The CSV loaded as a text table, queried with quantile bins (max exact values `maxExact`), as a profile. */
async function sqlProfile(
  engine: Engine,
  path: string,
  file: string,
  maxExact: number,
  opts: { drop?: string[]; label?: string | null } = {},
): Promise<Profile> {
  const d: Dialect = engine === 'duckdb' ? duckdbDialect : postgresDialect;
  const delimiter = (await csvProfile(path, file)).source!.delimiter;
  const table = `qb${tables++}`;
  const [header] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { delimiter, preview: 1 }).data;
  const names = header.map((h) => h.trim());
  const query = profileQuery({
    dialect: d,
    table,
    columns: names.filter((c) => !(opts.drop ?? []).includes(c)),
    missingValues: MISSING,
    label: opts.label ?? null,
    dropped: opts.drop ?? [],
    quantileBins: { maxExactValues: maxExact, parts: SQL_BIN_PARTS },
  });
  let rows: ResultRow[];
  if (engine === 'duckdb') {
    await db.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv(${d.string(path)}, all_varchar = true, header = true, delim = ${d.string(delimiter)}, quote = '"', escape = '"')`,
    );
    rows = await db.resultRows(query.sql);
  } else {
    await pg!.exec(
      `CREATE TABLE ${table} (${names.map((c) => `${d.ident(c)} text`).join(', ')});\n` +
        `\\copy ${table} FROM ${d.string(path)} WITH (FORMAT csv, HEADER true, DELIMITER ${d.string(delimiter)})\n`,
    );
    rows = parseResultCsv(await pg!.csv(query.sql), 'result.csv');
  }
  return profileFromQueryResult(rows, query.meta, {
    file: 'result.csv',
    sourceName: file,
    config: PROFILE_CONFIG,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

/**
 * A binned column against the CSV's exact numbers: same counts, texts and missing cells; the binned CDF
 * equals the exact CDF at every bin's closing edge (a value of the data) and is within the stated
 * bound at every number. Returns the bound.
 */
function checkBinned(b: ColumnProfile, exact: ColumnProfile): number {
  expect([b.rows, b.missing, b.nonNumeric, [...(b.text ?? [])]], b.name).toEqual([
    exact.rows,
    exact.missing,
    exact.nonNumeric,
    [...(exact.text ?? [])],
  ]);
  expect(b.numbers.mode).toBe('exact');
  expect(exact.numbers.mode).toBe('exact');
  if (b.numbers.mode !== 'exact' || exact.numbers.mode !== 'exact') return NaN;
  const { values: ev, counts: ec } = exact.numbers;
  const { values: bv, counts: bc } = b.numbers;
  const n = ec.reduce((s, x) => s + x, 0);
  expect(bc.reduce((s, x) => s + x, 0)).toBe(n);
  const known = new Set(ev);
  let worst = 0;
  let j = 0;
  let binnedCum = 0;
  let exactCum = 0;
  for (let i = 0; i < ev.length; i++) {
    exactCum += ec[i];
    while (j < bv.length && bv[j] <= ev[i]) binnedCum += bc[j++];
    if (j > 0 && bv[j - 1] === ev[i]) expect(binnedCum, `${b.name}: CDF at the edge ${ev[i]}`).toBe(exactCum);
    worst = Math.max(worst, Math.abs(exactCum - binnedCum) / n);
  }
  for (const v of bv) expect(known.has(v), `${b.name}: edge ${v} is a value of the data`).toBe(true);
  expect(worst, b.name).toBeLessThanOrEqual(b.binned!.bound + 1e-12);
  return b.binned!.bound;
}

const exactConfig = { ...PROFILE_CONFIG, maxExactValues: 10_000_000 };
/** The CSV reader's profile with every column exact (the oracle for binned columns). */
const exactCsv = (path: string, file: string, drop: string[], label: string | null) =>
  csvProfile(path, file, { drop, label }).then(async () => {
    const { readCsvProfile } = await import('../../../src/node/readCsvProfile.ts');
    return readCsvProfile(path, {
      file,
      delimiter: 'auto',
      missingValues: MISSING,
      skipColumns: drop,
      label,
      profile: exactConfig,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

function engines(run: (engine: Engine) => void) {
  describe('DuckDB', () => run('duckdb'));
  describe.skipIf(SKIP_POSTGRES)('PostgreSQL', () => run('postgres'));
}

describe('exact mode (few distinct numbers) equals the CSV path', () => {
  engines((engine) => {
    for (const name of Object.keys(pairsIndex))
      it(
        name,
        async () => {
          const pair = realPair(name);
          const opts = { drop: pair.drop, label: pair.label };
          const max = PROFILE_CONFIG.maxExactValues;
          const ref = await sqlProfile(engine, pair.reference, 'reference.csv', max, opts);
          const prod = await sqlProfile(engine, pair.production, 'production.csv', max, opts);
          const csvRef = await csvProfile(pair.reference, 'reference.csv', opts);
          const csvProd = await csvProfile(pair.production, 'production.csv', opts);
          expectSameColumns(ref, csvRef);
          expectSameColumns(prod, csvProd);
          const config = configFor(pair.label, pair.drop);
          expect(reportOf(ref, prod, config)).toBe(reportOf(csvRef, csvProd, config));
        },
        60_000,
      );
  });
});

/** Columns with more distinct numbers than this are binned. */
const MAX_EXACT = 300;

describe('binned mode stays within its bound of the exact CSV path', () => {
  engines((engine) => {
    for (const name of ['electricity', 'bank', 'adult'])
      it(
        name,
        async () => {
          const pair = realPair(name);
          const opts = { drop: pair.drop, label: pair.label };
          const ref = await sqlProfile(engine, pair.reference, 'reference.csv', MAX_EXACT, opts);
          const prod = await sqlProfile(engine, pair.production, 'production.csv', MAX_EXACT, opts);
          const csvRef = await exactCsv(pair.reference, 'reference.csv', pair.drop, pair.label);
          const csvProd = await exactCsv(pair.production, 'production.csv', pair.drop, pair.label);
          let binned = 0;
          for (const [sql, csv] of [
            [ref, csvRef],
            [prod, csvProd],
          ])
            for (const c of sql.columns) {
              const e = csv.columns.find((x) => x.name === c.name)!;
              if (!c.binned) {
                // Exact columns: as the CSV reader (which has no sketch here either: few distinct values).
                expect(c, c.name).toEqual(
                  (await csvProfile(sql === ref ? pair.reference : pair.production, 'x', opts)).columns.find((x) => x.name === c.name),
                );
                continue;
              }
              binned++;
              expect(e.numbers.mode === 'exact' && e.numbers.values.length).toBeGreaterThan(MAX_EXACT);
              // About one bin's share: 1/1024 of the numbers, never more than a few bins' worth.
              expect(checkBinned(c, e)).toBeLessThan(4 / SQL_BIN_PARTS);
            }
          expect(binned).toBeGreaterThan(0);
          const config = configFor(pair.label, pair.drop);
          const approx = JSON.parse(reportOf(ref, prod, config)) as { features: Record<string, unknown>[] };
          const exact = JSON.parse(reportOf(csvRef, csvProd, config)) as { features: Record<string, unknown>[] };
          let checked = 0;
          for (const f of approx.features) {
            const g = exact.features.find((h) => h.name === f.name)!;
            const ks = (x: Record<string, unknown>) => (x.ks as { statistic: number } | undefined)?.statistic;
            if (!ref.columns.find((c) => c.name === f.name)?.binned || ks(f) === undefined) continue;
            const bound = (f.approximate as { ks_statistic_bound: number }).ks_statistic_bound;
            expect(Math.abs(ks(f)! - ks(g)!), String(f.name)).toBeLessThanOrEqual(bound + 1e-12);
            checked++;
          }
          expect(checked).toBeGreaterThan(0);
        },
        60_000,
      );
  });
});

/** Hostile names; many distinct numbers (with a heavy point mass) among odd cells. */
function hostileCsv(): string {
  let state = 7;
  const rand = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const rows: string[][] = [HOSTILE_NAMES];
  for (let r = 0; r < 3000; r++)
    rows.push(
      HOSTILE_NAMES.map((_, c) =>
        r % 7 === 0
          ? NUMBER_CELLS[(r * (c + 1) + c) % NUMBER_CELLS.length]
          : r % 3 === 0
            ? '0'
            : (rand() * 100 * (c + 1) - 20).toFixed(c % 3),
      ),
    );
  return writeCsv(rows);
}

describe('binned mode with hostile column names', () => {
  engines((engine) => {
    it('profiles them, binned within the bound', async () => {
      const path = hostileCsv();
      const p = await sqlProfile(engine, path, 'data.csv', 50);
      const exact = await exactCsv(path, 'data.csv', [], null);
      expect(p.columns.map((c) => c.name)).toEqual(HOSTILE_NAMES);
      for (const c of p.columns) {
        expect(c.binned, c.name).toBeDefined();
        checkBinned(
          c,
          exact.columns.find((x) => x.name === c.name)!,
        );
      }
    }, 60_000);
  });
});

/**
 * `drift-monitor sql`, `profile --from-query-result` and `--engine duckdb` through the built CLI, with
 * DuckDB running the printed query as an operator would (a database file, the result saved as CSV by
 * COPY). The run from a profile computed in the engine gives the report of the run from the CSV; the
 * error cases each give one line.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { duckdbDialect } from '../../src/core/sql/duckdbDialect.ts';
import { openDuckDb, type DuckDbSession } from '../../src/node/duckdbEngine.ts';
import { duckDbFileProfile } from '../../src/node/duckdbFileProfile.ts';
import { DEFAULT_PROFILE_CONFIG } from '../../src/core/profile/profileBuilder.ts';
import { encodeProfile } from '../../src/core/profile/profileFile.ts';
import { realPair } from '../helpers/realPairs.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';

const q = duckdbDialect.string;
let dir: string;
let db: DuckDbSession;
beforeAll(async () => {
  dir = tempDir('dm-sqlcli-');
  db = await openDuckDb({ threads: 2 });
});
afterAll(() => db?.close());

function expectOneLineError(r: { code: number; stderr: string }, ...mentions: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  for (const m of mentions) expect(lines[0]).toMatch(m);
}

function ok(r: { code: number; stdout: string; stderr: string }) {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

const report = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report;

/** Runs the query in `sqlFile` on table `table` (loaded from `csv` as text) and saves the result as CSV. */
async function runQuery(csv: string, table: string, sqlFile: string, result: string): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${q(csv)}, all_varchar = true, header = true)`);
  const sql = readFileSync(sqlFile, 'utf8');
  await db.run(`COPY (${sql}) TO ${q(result)} (FORMAT csv, HEADER true)`);
}

describe('sql -> engine -> profile --from-query-result -> run', () => {
  it('a production profile from DuckDB gives the report of the production CSV (adult)', async () => {
    const pair = realPair('adult');
    const meta = join(dir, 'prod.query.json');
    const sqlFile = join(dir, 'prod.sql');
    const refProfile = join(dir, 'ref.profile');
    ok(runCli(['profile', pair.reference, '-o', refProfile, '--label', 'income']));
    // The production table is profiled on the reference's columns.
    const printed = ok(
      runCli(['sql', '--dialect', 'duckdb', '--table', 'production', '--columns-from', refProfile, '--label', 'income', '--meta', meta]),
    );
    writeFileSync(sqlFile, printed.stdout);
    const result = join(dir, 'prod.result.csv');
    await runQuery(pair.production, 'production', sqlFile, result);
    const prodProfile = join(dir, 'prod.profile');
    const made = runCli(['profile', '--from-query-result', result, '--sql-meta', meta, '-o', prodProfile]);
    expect(made.stdout).toMatch(/^wrote .*prod\.profile: 2036 rows, 15 columns \(15 exact, 0 sketched\)/);
    ok(runCli(['-r', refProfile, '-p', prodProfile, '-l', 'income', '-o', join(dir, 'sql.json'), '-q']));
    ok(runCli(['-r', refProfile, '-p', pair.production, '-l', 'income', '-o', join(dir, 'csv.json'), '-q']));
    // The profile is named by its table ("production"), the CSV by its path: in the typing reasons too.
    const fromSql = report(join(dir, 'sql.json'));
    const fromCsv = JSON.parse(
      readFileSync(join(dir, 'csv.json'), 'utf8').replaceAll(JSON.stringify(pair.production).slice(1, -1), 'production'),
    ) as Report;
    expect(fromSql.features).toEqual(fromCsv.features);
    expect(fromSql.summary).toEqual(fromCsv.summary);
    expect(fromSql.features.length).toBe(14);
  });

  it('a JSON result (one object per line, as BigQuery exports) reads like the CSV one', async () => {
    const pair = realPair('bike');
    const meta = join(dir, 'bike.query.json');
    const sqlFile = join(dir, 'bike.sql');
    expect(
      ok(runCli(['sql', '--dialect', 'duckdb', '--table', 'bike', '--columns', 'season,dteday,temp', '--meta', meta, '-o', sqlFile]))
        .stdout,
    ).toMatch(/^wrote .*bike\.sql and .*bike\.query\.json: 3 columns of bike \(duckdb\)/);
    await db.run(`CREATE OR REPLACE TABLE bike AS SELECT * FROM read_csv(${q(pair.reference)}, all_varchar = true, header = true)`);
    const sql = readFileSync(sqlFile, 'utf8');
    await db.run(`COPY (${sql}) TO ${q(join(dir, 'bike.json'))} (FORMAT json)`);
    await db.run(`COPY (${sql}) TO ${q(join(dir, 'bike.csv'))} (FORMAT csv, HEADER true)`);
    const a = runCli(['profile', '--from-query-result', join(dir, 'bike.json'), '--sql-meta', meta, '-o', join(dir, 'bike-json.profile')]);
    const b = runCli(['profile', '--from-query-result', join(dir, 'bike.csv'), '--sql-meta', meta, '-o', join(dir, 'bike-csv.profile')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const show = (p: string) => runCli(['profile', '--show', p]).stdout.split('\n').slice(1).join('\n');
    expect(show(join(dir, 'bike-json.profile'))).toBe(show(join(dir, 'bike-csv.profile')));
    expect(show(join(dir, 'bike-json.profile'))).toMatch(/dteday/);
  });
});

describe('--engine duckdb', () => {
  it('on CSV files gives the report of the built-in reader (every real pair)', () => {
    for (const name of ['adult', 'bank', 'electricity', 'bike']) {
      const pair = realPair(name);
      const flags = [...(pair.label ? ['-l', pair.label] : []), ...(pair.drop.length ? ['--drop', pair.drop.join(',')] : [])];
      const cwd = join(pair.reference, '../..');
      const rel = (p: string) => p.slice(cwd.length + 1);
      ok(
        runCli(
          ['-r', rel(pair.reference), '-p', rel(pair.production), ...flags, '--stream', '-o', join(dir, `${name}-csv.json`), '-q'],
          cwd,
        ),
      );
      ok(
        runCli(
          [
            '-r',
            rel(pair.reference),
            '-p',
            rel(pair.production),
            ...flags,
            '--engine',
            'duckdb',
            '-o',
            join(dir, `${name}-duck.json`),
            '-q',
          ],
          cwd,
        ),
      );
      const a = report(join(dir, `${name}-duck.json`));
      const b = report(join(dir, `${name}-csv.json`));
      expect(a.features, name).toEqual(b.features);
      expect(a.warnings, name).toEqual(b.warnings);
    }
  });

  it('reads Parquet files (and globs) written by DuckDB: the same statistics as their CSV', async () => {
    const pair = realPair('bank');
    const parts = join(dir, 'bank-parts');
    mkdirSync(parts);
    // Numbers stored as BIGINT/DOUBLE, the rest as text (DuckDB would make yes/no BOOLEAN). The
    // production side is split in two files, read back through a glob.
    const typed = (path: string) => `read_csv(${q(path)}, auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])`;
    await db.run(`COPY (SELECT * FROM ${typed(pair.reference)}) TO ${q(join(dir, 'bank-ref.parquet'))} (FORMAT parquet)`);
    await db.run(`COPY (SELECT * FROM ${typed(pair.production)} LIMIT 2000) TO ${q(join(parts, 'a.parquet'))} (FORMAT parquet)`);
    await db.run(`COPY (SELECT * FROM ${typed(pair.production)} OFFSET 2000) TO ${q(join(parts, 'b.parquet'))} (FORMAT parquet)`);
    ok(
      runCli([
        '-r',
        join(dir, 'bank-ref.parquet'),
        '-p',
        join(parts, '*.parquet'),
        '-l',
        'y',
        '--engine',
        'duckdb',
        '-o',
        join(dir, 'pq.json'),
        '-q',
      ]),
    );
    ok(runCli(['-r', pair.reference, '-p', pair.production, '-l', 'y', '-o', join(dir, 'pq-csv.json'), '-q']));
    const strip = (r: Report) =>
      r.features.map((f) => ({
        name: f.name,
        type: f.type,
        drift_score: f.drift_score,
        drifted: f.drifted,
        psi: f.psi,
        test: f.type === 'numerical' ? f.ks : f.chi2,
      }));
    expect(strip(report(join(dir, 'pq.json')))).toEqual(strip(report(join(dir, 'pq-csv.json'))));
  });

  it('a file DuckDB cannot read is one line naming it', () => {
    const bad = join(dir, 'missing.parquet');
    expectOneLineError(runCli(['-r', bad, '-p', bad, '--engine', 'duckdb', '-o', join(dir, 'x.json')]), /missing\.parquet/);
  });

  it('without the optional package: one line saying how to install it', () => {
    // A copy of the built CLI next to a node_modules holding everything but @duckdb.
    const app = tempDir('dm-noduck-');
    for (const d of ['bin', 'lib', 'config']) cpSync(join(ROOT, d), join(app, d), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
    mkdirSync(join(app, 'node_modules'));
    for (const entry of readdirSync(join(ROOT, 'node_modules')))
      if (entry !== '@duckdb' && entry !== '.bin') symlinkSync(join(ROOT, 'node_modules', entry), join(app, 'node_modules', entry));
    const pair = realPair('bike');
    const r = spawnSync(
      process.execPath,
      [join(app, 'bin/drift-monitor.js'), '-r', pair.reference, '-p', pair.production, '--engine', 'duckdb', '-o', join(app, 'r.json')],
      {
        encoding: 'utf8',
      },
    );
    expectOneLineError(
      { code: r.status ?? -1, stderr: r.stderr },
      /needs the optional package @duckdb\/node-api/,
      /npm install --save-exact @duckdb\/node-api@/,
    );
  });

  it('an unknown engine is refused', () => {
    const pair = realPair('bike');
    expectOneLineError(
      runCli(['-r', pair.reference, '-p', pair.production, '--engine', 'spark', '-o', join(dir, 'x.json')]),
      /unknown --engine "spark"/,
    );
  });
});

describe('errors are one line', () => {
  it('an unknown dialect', () => {
    expectOneLineError(
      runCli(['sql', '--dialect', 'oracle', '--table', 't', '--columns', 'a', '--meta', join(dir, 'm.json')]),
      'unknown SQL dialect "oracle"',
    );
  });

  it('a result given with the metadata of another query', async () => {
    const pair = realPair('bike');
    const metaA = join(dir, 'a.query.json');
    const metaB = join(dir, 'b.query.json');
    ok(runCli(['sql', '--dialect', 'duckdb', '--table', 'bike', '--columns', 'season,temp', '--meta', metaA, '-o', join(dir, 'a.sql')]));
    runCli(['sql', '--dialect', 'duckdb', '--table', 'bike', '--columns', 'season,hum', '--meta', metaB, '-o', join(dir, 'b.sql')]);
    await runQuery(pair.reference, 'bike', join(dir, 'a.sql'), join(dir, 'a.result.csv'));
    expectOneLineError(
      runCli(['profile', '--from-query-result', join(dir, 'a.result.csv'), '--sql-meta', metaB, '-o', join(dir, 'ab.profile')]),
      /a\.result\.csv: does not match its query \(its query id is/,
    );
  });

  it('a result that is not a query result, and --sql-meta without a result', () => {
    const meta = join(dir, 'c.query.json');
    runCli(['sql', '--dialect', 'postgres', '--table', 't', '--columns', 'a', '--meta', meta, '-o', join(dir, 'c.sql')]);
    const pair = realPair('bike');
    expectOneLineError(
      runCli(['profile', '--from-query-result', pair.reference, '--sql-meta', meta, '-o', join(dir, 'c.profile')]),
      /has no column "col"/,
    );
    expectOneLineError(runCli(['profile', '--sql-meta', meta, '-o', join(dir, 'c.profile')]), /go together/);
  });

  it('sql without columns, or with a --where that could end the statement', () => {
    expectOneLineError(
      runCli(['sql', '--dialect', 'spark', '--table', 't', '--meta', join(dir, 'd.json')]),
      /--columns a,b,c or .* --columns-from/,
    );
    expectOneLineError(
      runCli([
        'sql',
        '--dialect',
        'spark',
        '--table',
        't',
        '--columns',
        'a',
        '--where',
        'a = 1; DROP TABLE t',
        '--meta',
        join(dir, 'd.json'),
      ]),
      /--where must be one SQL condition without ";"/,
    );
  });
});

describe('sql --edges-from: a production table on the reference bins', () => {
  /** A binned reference profile (DuckDB, few exact values) of electricity, written as a file. */
  async function binnedReference(): Promise<string> {
    const pair = realPair('electricity');
    const ref = await duckDbFileProfile(pair.reference, {
      delimiter: ',',
      missingValues: ['', 'NA', 'NaN', 'null', '?'],
      skipColumns: [],
      label: 'target',
      profile: { ...DEFAULT_PROFILE_CONFIG, maxExactValues: 300 },
      session: db,
    });
    expect(ref.columns.filter((c) => c.binned).length).toBeGreaterThan(0);
    const path = join(dir, 'binned-ref.profile');
    writeFileSync(path, encodeProfile(ref));
    return path;
  }

  it('gives the report of the production CSV within the stated bound, exactly where both are exact', async () => {
    const pair = realPair('electricity');
    const refProfile = await binnedReference();
    const meta = join(dir, 'edges.query.json');
    const sqlFile = join(dir, 'edges.sql');
    ok(
      runCli([
        'sql',
        '--dialect',
        'duckdb',
        '--table',
        'prod_edges',
        '--edges-from',
        refProfile,
        '--label',
        'target',
        '--meta',
        meta,
        '-o',
        sqlFile,
      ]),
    );
    expect(readFileSync(sqlFile, 'utf8')).toMatch(/CASE WHEN x <= CAST\(/);
    const result = join(dir, 'edges.result.csv');
    await runQuery(pair.production, 'prod_edges', sqlFile, result);
    const prodProfile = join(dir, 'edges.profile');
    ok(runCli(['profile', '--from-query-result', result, '--sql-meta', meta, '-o', prodProfile]));
    ok(runCli(['-r', refProfile, '-p', prodProfile, '-l', 'target', '-o', join(dir, 'edges-sql.json'), '-q']));
    ok(runCli(['-r', refProfile, '-p', pair.production, '-l', 'target', '-o', join(dir, 'edges-csv.json'), '-q']));
    const fromSql = report(join(dir, 'edges-sql.json'));
    const fromCsv = report(join(dir, 'edges-csv.json'));
    expect(fromSql.features.map((f) => f.name)).toEqual(fromCsv.features.map((f) => f.name));
    let bounded = 0;
    for (const f of fromSql.features) {
      const g = fromCsv.features.find((h) => h.name === f.name)!;
      const a = (f as { approximate?: { ks_statistic_bound: number } }).approximate;
      const ks = (x: unknown) => (x as { ks?: { statistic: number } }).ks?.statistic;
      if (a === undefined || ks(f) === undefined) {
        // Exact on both sides; the typing reason names the production source (table vs file).
        expect(JSON.stringify(f).replaceAll('prod_edges', 'P')).toBe(
          JSON.stringify(g).replaceAll(JSON.stringify(pair.production).slice(1, -1), 'P'),
        );
        continue;
      }
      expect(Math.abs(ks(f)! - ks(g)!), f.name).toBeLessThanOrEqual(a.ks_statistic_bound + 1e-12);
      bounded++;
    }
    expect(bounded).toBeGreaterThan(0);
  }, 60_000);

  it('a corrupt, foreign or missing edges file is one line naming it', async () => {
    const refProfile = await binnedReference();
    const args = (edges: string) => ['sql', '--dialect', 'postgres', '--table', 't', '--edges-from', edges, '--meta', join(dir, 'x.json')];
    const bytes = readFileSync(refProfile);
    const truncated = join(dir, 'truncated.profile');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectOneLineError(runCli(args(truncated)), /truncated\.profile/);
    const flipped = join(dir, 'flipped.profile');
    const copy = Uint8Array.from(bytes);
    for (let i = bytes.length - 200; i < bytes.length - 100; i++) copy[i] ^= 0xff;
    writeFileSync(flipped, copy);
    expectOneLineError(runCli(args(flipped)), /flipped\.profile/);
    expectOneLineError(runCli(args(realPair('bike').reference)), /bike/);
    expectOneLineError(runCli(args(join(dir, 'none.profile'))), /none\.profile/);
    expectOneLineError(runCli([...args(refProfile), '--columns', 'a']), /one of the three/);
  }, 60_000);
});

describe('sql: numbers on bins between the engine quantiles past profile.max_exact_values', () => {
  it('binned columns in the profile from the result, and --exact keeps per-value counts', async () => {
    const pair = realPair('electricity');
    const config = join(dir, 'bins.yaml');
    writeFileSync(config, 'profile:\n  max_exact_values: 300\n');
    const profiles: Record<string, string> = {};
    for (const mode of ['binned', 'exact']) {
      const meta = join(dir, `${mode}.query.json`);
      const sqlFile = join(dir, `${mode}.sql`);
      ok(
        runCli([
          'sql',
          '--dialect',
          'duckdb',
          '--table',
          'elec',
          '--columns',
          '0,1,2,3,4,5,6,7,target',
          '--config',
          config,
          '--meta',
          meta,
          '-o',
          sqlFile,
          ...(mode === 'exact' ? ['--exact'] : []),
        ]),
      );
      const result = join(dir, `${mode}.result.csv`);
      await runQuery(pair.reference, 'elec', sqlFile, result);
      profiles[mode] = join(dir, `${mode}.profile`);
      ok(runCli(['profile', '--from-query-result', result, '--sql-meta', meta, '--config', config, '-o', profiles[mode]]));
    }
    const { decodeProfile } = await import('../../src/core/profile/profileFile.ts');
    const read = (p: string) => decodeProfile(readFileSync(p), p);
    const binned = read(profiles.binned);
    const exact = read(profiles.exact);
    expect(binned.columns.filter((c) => c.binned).length).toBeGreaterThan(0);
    expect(exact.columns.filter((c) => c.binned)).toEqual([]);
    // Past max_exact_values the per-value profile holds a sketch, the binned one exact CDF points at its edges.
    for (const c of binned.columns.filter((x) => x.binned)) {
      expect(exact.columns.find((x) => x.name === c.name)!.numbers.mode).toBe('sketch');
      expect(c.binned!.bound).toBeLessThan(0.01);
    }
    const out = join(dir, 'bins.json');
    ok(runCli(['-r', profiles.binned, '-p', profiles.binned, '-l', 'target', '-o', out, '-q']));
    const approximate = report(out).features.filter((f) => (f as { approximate?: unknown }).approximate !== undefined);
    expect(approximate.length).toBe(binned.columns.filter((c) => c.binned && c.name !== 'target').length);
  }, 120_000);
});

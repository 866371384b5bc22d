#!/usr/bin/env node
/**
 * `--engine duckdb` on a Parquet pair (default 10M rows each, 10 numerical + 10 categorical columns):
 * the built CLI end to end (profiles computed in DuckDB, then the tests), median of --reps runs, with
 * the machine's load average (the figure depends on free cores). The pair is generated once by DuckDB
 * (scripts/bench-duckdb-data.sql) into .bench/duckdb_<rows>/. Skips cleanly when the optional package
 * @duckdb/node-api is not installed.
 *
 *   node scripts/bench-duckdb.mjs [--rows 10000000] [--reps 3] [--max-exact 100000]
 *
 * --max-exact sets profile.max_exact_values: columns with more distinct numbers go on bins (see README
 * "Monitoring a warehouse table"); with the default 1,000,000 the columns of up to 1M distinct values
 * come back exact, a result of millions of rows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const rows = Number(opt('rows', '10000000'));
const reps = Number(opt('reps', '3'));
const maxExact = Number(opt('max-exact', '100000'));

let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch {
  console.log('(DuckDB benchmark skipped: the optional package @duckdb/node-api is not installed)');
  process.exit(0);
}

const dir = join(root, '.bench', `duckdb_${rows}`);
if (!existsSync(join(dir, 'production.parquet'))) {
  mkdirSync(dir, { recursive: true });
  console.log(`generating a ${rows}-row Parquet pair into ${dir} ...`);
  const sql = readFileSync(join(root, 'scripts/bench-duckdb-data.sql'), 'utf8');
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const [side, name] of [
    [0, 'reference'],
    [1, 'production'],
  ]) {
    const out = join(dir, `${name}.parquet`).replaceAll("'", "''");
    await connection.run(sql.replaceAll('$ROWS', String(rows)).replaceAll('$SIDE', String(side)).replaceAll('$OUT', out));
  }
  connection.closeSync();
  instance.closeSync();
}

const config = join(dir, 'bench.yaml');
writeFileSync(config, `profile:\n  max_exact_values: ${maxExact}\n`);
const times = [];
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'bin/drift-monitor.js'),
      '-r',
      join(dir, 'reference.parquet'),
      '-p',
      join(dir, 'production.parquet'),
      '--engine',
      'duckdb',
      '-c',
      config,
      '-o',
      join(dir, 'report.json'),
      '-q',
    ],
    { encoding: 'utf8' },
  );
  times.push((performance.now() - t0) / 1000);
  if (run.status !== 0) {
    console.log(`drift-monitor --engine duckdb failed:\n${run.stderr}`);
    process.exit(1);
  }
  if (r === 0) console.log(run.stdout.trim());
}
const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
const binned = report.features.filter((f) => f.approximate).length;
console.log(
  `duckdb engine, ${rows}-row Parquet pair, ${report.features.length} features (${binned} binned): ` +
    `median ${median(times).toFixed(2)} s end to end (runs ${times.map((t) => t.toFixed(2)).join(', ')}; load average ${loadavg()[0].toFixed(1)})`,
);

#!/usr/bin/env node
/**
 * Where `--engine duckdb` spends its time on one Parquet file: the built plan's queries (lib/) run one
 * after the other, each with its wall and process CPU time, then the whole file profile
 * (duckDbFileProfile) for the JavaScript share. Needs `npm run build:lib` and the bench pair
 * (scripts/bench-duckdb.mjs makes it).
 *
 *   node scripts/bench-duckdb-phases.mjs [file.parquet] [--max-exact 100000] [--threads 2]
 */
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const file = args[0] && !args[0].startsWith('--') ? args[0] : join(root, '.bench/duckdb_10000000/reference.parquet');
const maxExact = Number(opt('max-exact', '100000'));
const threads = Number(opt('threads', String(availableParallelism())));

const { openDuckDb } = await import(join(root, 'lib/node/duckdbEngine.js'));
const { duckDbFileProfile } = await import(join(root, 'lib/node/duckdbFileProfile.js'));
const { DEFAULT_PROFILE_CONFIG } = await import(join(root, 'lib/core/profile/profileBuilder.js'));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const timings = [];
const session = await openDuckDb({ threads });
// Every statement the profile runs, timed (the session is the file profile's own).
const timed = Object.fromEntries(
  ['rows', 'columns', 'resultRows', 'numbers', 'run'].map((k) => [
    k,
    async (sql) => {
      const w0 = performance.now();
      const c0 = cpu();
      const out = await session[k](sql);
      timings.push({ what: `${k}: ${sql.replace(/\s+/g, ' ').slice(0, 60)}`, wall: (performance.now() - w0) / 1000, cpu: cpu() - c0 });
      return out;
    },
  ]),
);
const w0 = performance.now();
const c0 = cpu();
const profile = await duckDbFileProfile(file, {
  delimiter: 'auto',
  missingValues: [''],
  skipColumns: [],
  label: null,
  profile: { ...DEFAULT_PROFILE_CONFIG, maxExactValues: maxExact },
  session: { ...timed, close() {} },
});
const wall = (performance.now() - w0) / 1000;
const total = cpu() - c0;
session.close();
for (const t of timings) console.log(`${t.wall.toFixed(2)} s wall ${t.cpu.toFixed(2)} s cpu  ${t.what}`);
const q = timings.reduce((s, t) => ({ wall: s.wall + t.wall, cpu: s.cpu + t.cpu }), { wall: 0, cpu: 0 });
console.log(
  `total ${wall.toFixed(2)} s wall ${total.toFixed(2)} s cpu; outside the queries (JavaScript) ${(wall - q.wall).toFixed(2)} s wall ` +
    `${(total - q.cpu).toFixed(2)} s cpu; ${profile.columns.filter((c) => c.binned).length} binned of ${profile.columns.length}; ` +
    `threads ${threads}; load average ${loadavg()[0].toFixed(1)}`,
);

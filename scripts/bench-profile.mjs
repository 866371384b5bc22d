#!/usr/bin/env node
/**
 * Profile benchmarks (run by `npm run bench`, or alone): on the generated 1M-row pair in .bench/,
 *   1. `drift-monitor profile reference.csv -o reference.profile`: wall time, peak RSS, file size;
 *   2. the run against the saved profile (`-r reference.profile -p production.csv`): wall, peak RSS;
 * and with --big-copies N (default 0: skipped), a production file of N copies of the 1M-row
 * production rows (one header; N = 80 gives 80M rows, 11.9 GB) streamed against the profile:
 * wall, throughput and peak RSS. Peak RSS is GNU time's maximum resident set size of the process.
 *
 * Options: --dir .bench/gen_1000000  --reps 3  --big-copies 80  --big-dir .bench
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const dir = resolve(opt('dir', join(root, '.bench', 'gen_1000000')));
const reps = Number(opt('reps', '3'));
const bigCopies = Number(opt('big-copies', '0'));
const bigDir = resolve(opt('big-dir', join(root, '.bench')));
const cli = join(root, 'bin/drift-monitor.js');
const common = ['--label', 'label', '--drop', 'id,timestamp'];

/** Runs the CLI under GNU time; returns wall seconds, peak RSS in MB and the output. */
function timed(cliArgs) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, cli, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`drift-monitor ${cliArgs.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rss = Number((r.stderr.match(/MAXRSS (\d+)/) ?? [])[1]) / 1024;
  return { wall, rss, stdout: r.stdout.trim() };
}

async function bigProduction(copies) {
  const path = join(bigDir, `production_x${copies}.csv`);
  const source = join(dir, 'production.csv');
  const expected = (() => {
    const text = readFileSync(source);
    const headerEnd = text.indexOf(10) + 1;
    return headerEnd + (text.length - headerEnd) * copies;
  })();
  if (existsSync(path) && statSync(path).size === expected) return path;
  console.log(`writing ${path} (${copies} copies of ${source}, ${(expected / 1e9).toFixed(1)} GB) ...`);
  const text = readFileSync(source);
  const headerEnd = text.indexOf(10) + 1;
  const body = text.subarray(headerEnd);
  const out = createWriteStream(path);
  const write = (b) => new Promise((res) => (out.write(b) ? res() : out.once('drain', res)));
  await write(text.subarray(0, headerEnd));
  for (let i = 0; i < copies; i++) await write(body);
  await new Promise((res) => out.end(res));
  return path;
}

if (!existsSync(join(dir, 'reference.csv'))) {
  console.log(`(profile benchmark skipped: no ${dir}/reference.csv; npm run bench generates it)`);
  process.exit(0);
}
const profile = join(dir, 'reference.profile');
const refMb = statSync(join(dir, 'reference.csv')).size / 1e6;
const make = Array.from({ length: reps }, () => timed(['profile', join(dir, 'reference.csv'), '-o', profile, ...common]));
const size = statSync(profile).size;
console.log(`\n== profiles, 1M-row pair (${dir}), median of ${reps}`);
console.log(
  `profile reference.csv (${refMb.toFixed(0)} MB) -> reference.profile: ${median(make.map((m) => m.wall)).toFixed(2)} s, ` +
    `peak RSS ${Math.max(...make.map((m) => m.rss)).toFixed(0)} MB, file ${(size / 1e6).toFixed(2)} MB`,
);
const runArgs = ['-r', profile, '-p', join(dir, 'production.csv'), ...common, '-o', join(dir, 'report-profile.json'), '-q'];
const runs = Array.from({ length: reps }, () => timed(runArgs));
console.log(
  `run against the profile: ${median(runs.map((m) => m.wall)).toFixed(2)} s, peak RSS ${Math.max(...runs.map((m) => m.rss)).toFixed(0)} MB (${runs[0].stdout})`,
);

if (bigCopies > 0) {
  const big = await bigProduction(bigCopies);
  const gb = statSync(big).size / 1e9;
  const r = timed(['-r', profile, '-p', big, ...common, '-o', join(bigDir, `report_x${bigCopies}.json`), '-q']);
  console.log(
    `${bigCopies} x 1M-row production (${gb.toFixed(1)} GB) against the profile: ${r.wall.toFixed(1)} s, ` +
      `${((gb * 1000) / r.wall).toFixed(0)} MB/s, peak RSS ${r.rss.toFixed(0)} MB (${r.stdout})`,
  );
}
